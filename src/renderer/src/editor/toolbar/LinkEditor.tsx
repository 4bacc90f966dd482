import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';

const EMAIL = /^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const HOST_AND_PORT = /^[\w.-]+:\d+(?:[/?#]|$)/;

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The result of reading what the user typed into the link field. */
export type LinkInput = { ok: true; url: string } | { ok: false; message: string };

/**
 * Turns what the user typed into a link URL, or a message saying why it cannot be one.
 * `example.org/page` becomes `https://example.org/page`, `ada@example.org` becomes
 * `mailto:ada@example.org`; explicit `http:`, `https:` and `mailto:` URLs are kept as
 * typed; every other scheme is refused by name.
 */
export function readLinkInput(typed: string): LinkInput {
  const text = typed.trim();
  if (text === '') return { ok: false, message: 'Enter a web address (https://…) or an email address.' };
  let url: string;
  const scheme = SCHEME.exec(text)?.[1];
  if (EMAIL.test(text)) {
    url = `mailto:${text}`;
  } else if (scheme !== undefined && !HOST_AND_PORT.test(text)) {
    url = text;
    if (!isAllowedLinkUrl(url) && !/^(https?|mailto)$/i.test(scheme)) {
      return {
        ok: false,
        message: `“${scheme.toLowerCase()}:” links are not allowed. Use an http, https or mailto address.`,
      };
    }
  } else {
    url = `https://${text}`;
    const host = hostnameOf(url);
    if (!host.includes('.') && host !== 'localhost') {
      return { ok: false, message: 'That does not look like a web or email address.' };
    }
  }
  return isAllowedLinkUrl(url)
    ? { ok: true, url }
    : { ok: false, message: 'That does not look like a web or email address.' };
}

export interface LinkEditorProps {
  /** The URL of the link being edited, or '' for a new link. */
  initialUrl: string;
  /** Offer "Remove link" (the selection is in a link the user made). */
  canRemove: boolean;
  /** Where the popover sits, relative to the editor. */
  position: { top: number; left: number };
  onApply(url: string): void;
  onRemove(): void;
  /** Closed without a change; `restoreFocus` is false when focus moved elsewhere on purpose. */
  onCancel(restoreFocus: boolean): void;
}

/**
 * The small link dialog (Mod+K or the Link button): one URL field validated to http,
 * https and mailto with a message for anything else; Enter applies, Escape cancels,
 * "Remove link" unlinks. Clicking or tabbing away closes it without a change.
 */
export function LinkEditor({ initialUrl, canRemove, position, onApply, onRemove, onCancel }: LinkEditorProps) {
  const [value, setValue] = useState(initialUrl);
  const [message, setMessage] = useState<string | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const messageId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      onCancel(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onCancel]);

  const apply = () => {
    const input = readLinkInput(value);
    if (input.ok) onApply(input.url);
    else {
      setMessage(input.message);
      inputRef.current?.focus();
    }
  };

  const style: CSSProperties = { top: position.top, left: position.left };
  return (
    <div
      ref={rootRef}
      className="link-editor"
      role="dialog"
      aria-label={canRemove ? 'Edit link' : 'Insert link'}
      style={style}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel(true);
        }
      }}
      onBlur={(event) => {
        if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) {
          onCancel(false);
        }
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <label className="link-editor-label" htmlFor={inputId}>
          Link URL
        </label>
        <input
          ref={inputRef}
          id={inputId}
          className="link-editor-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.org or name@example.org"
          value={value}
          aria-invalid={message !== null}
          aria-describedby={messageId}
          onChange={(event) => {
            setValue(event.target.value);
            setMessage(null);
          }}
        />
        <p id={messageId} className={message ? 'link-editor-message error' : 'link-editor-message'} role="status">
          {message ?? 'Web (http, https) or email (mailto) links.'}
        </p>
        <div className="link-editor-actions">
          {canRemove && (
            <button type="button" className="link-editor-button danger" onClick={onRemove}>
              Remove link
            </button>
          )}
          <span className="link-editor-spacer" />
          <button type="button" className="link-editor-button" onClick={() => onCancel(true)}>
            Cancel
          </button>
          <button type="submit" className="link-editor-button primary">
            Apply
          </button>
        </div>
      </form>
    </div>
  );
}
