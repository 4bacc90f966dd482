import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { nextListIndex } from '../../ui/listNavigation';
import { captureFocus, restoreFocus, type FocusPoint } from './focusReturn';
import './quickPick.css';

export interface QuickPickSection<T> {
  key: string;
  /** A small heading above the section ("Recent"); none for a plain list. */
  title?: string;
  items: readonly T[];
}

export interface QuickPickProps<T> {
  /** The dialog's and list's accessible name: "Quick switcher", "Command palette". */
  label: string;
  placeholder: string;
  query: string;
  onQueryChange(query: string): void;
  sections: ReadonlyArray<QuickPickSection<T>>;
  keyOf(item: T): string;
  /**
   * An option's content, which is also its accessible name, so that it holds every word the
   * option shows (separate the parts with NameSeparator).
   */
  renderItem(item: T): ReactNode;
  /**
   * Enter or a click on an item. Runs after the picker has closed and focus (and the text
   * selection) went back where they were, so a command acts on what the user was doing.
   */
  onChoose(item: T, modifiers: { shiftKey: boolean }): void;
  /** Escape, a click outside, or a choice: the parent unmounts the picker. */
  onClose(): void;
  /** Shown when every section is empty. */
  emptyText?: ReactNode;
  /** Key hints in the footer, e.g. [['↵', 'open'], ['esc', 'close']]. */
  hints?: ReadonlyArray<readonly [keys: string, action: string]>;
  /** Ids of the app commands whose shortcuts still work while the picker is open (see dispatchShortcut). */
  allowedCommands?: readonly string[];
  /** Results are on their way (marks the list busy; the old results stay until then). */
  busy?: boolean;
  className?: string;
}

const PAGE = 8;

/**
 * A modal picker in the manner of VS Code's quick open: a query field over a list of
 * choices, one of them active. Keyboard: ↑/↓ (wrapping), PageUp/PageDown, Enter chooses
 * (Shift+Enter passes shiftKey), Escape closes; the mouse hovers and clicks. The field is a
 * combobox owning the listbox, so screen readers follow the active option. On close, focus
 * and the text selection return where they were.
 *
 * Built on a modal <dialog>: the rest of the app is inert meanwhile, and only the shortcuts
 * of `allowedCommands` work (Mod+Shift+P switches from the switcher to the palette).
 */
export function QuickPick<T>(props: QuickPickProps<T>) {
  const { label, query, sections, keyOf, onQueryChange } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const opened = useRef<FocusPoint>({ element: null, selection: null });
  const closed = useRef(false);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (key: string) => `${baseId}-option-${encodeURIComponent(key)}`;

  const items = sections.flatMap((section) => section.items);
  // The active choice follows the pointer and the arrows; a new query starts at the top.
  const [pointer, setPointer] = useState<{ query: string; key: string } | null>(null);
  const activeIndex = Math.max(
    0,
    pointer?.query === query ? items.findIndex((item) => keyOf(item) === pointer.key) : 0,
  );
  const active = items[activeIndex];
  const activeKey = active === undefined ? null : keyOf(active);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    opened.current = captureFocus();
    closed.current = false;
    if (!element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    }
    input.current?.focus();
    return () => {
      if (closed.current) return;
      closed.current = true;
      if (element.open) element.close?.();
      restoreFocus(opened.current);
    };
  }, []);

  useEffect(() => {
    if (activeKey !== null) document.getElementById(optionId(activeKey))?.scrollIntoView?.({ block: 'nearest' });
    // optionId only depends on baseId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeKey]);

  function close(): void {
    if (closed.current) return;
    closed.current = true;
    const element = dialog.current;
    if (element?.open) element.close?.();
    element?.removeAttribute('open');
    restoreFocus(opened.current);
    props.onClose();
  }

  function choose(item: T, shiftKey: boolean): void {
    close();
    props.onChoose(item, { shiftKey });
  }

  function move(index: number): void {
    if (items.length === 0) return;
    const wrapped = (index + items.length) % items.length;
    setPointer({ query, key: keyOf(items[wrapped]!) });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.nativeEvent.isComposing) return;
    const next = nextListIndex(event.key, activeIndex, items.length, { wrap: true, page: PAGE, homeEnd: false });
    if (next !== null) {
      move(next);
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'Enter':
        if (active !== undefined) choose(active, event.shiftKey);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const sectionStarts: number[] = [];
  sections.reduce((start, section) => {
    sectionStarts.push(start);
    return start + section.items.length;
  }, 0);
  return (
    <dialog
      ref={dialog}
      className={`quick-pick ${props.className ?? ''}`}
      aria-label={label}
      data-allows-commands={props.allowedCommands?.join(' ') ?? ''}
      onCancel={(event) => {
        // Escape: close through React so the parent's state follows.
        event.preventDefault();
        close();
      }}
      onKeyDown={(event) => {
        // Escape is the picker's: nothing behind it (highlights, panels) should see it too.
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
      onMouseDown={(event) => {
        // A press on the backdrop (the dialog element itself, outside its box) dismisses.
        if (event.target === event.currentTarget) {
          const box = event.currentTarget.getBoundingClientRect();
          const inside =
            event.clientX >= box.left &&
            event.clientX <= box.right &&
            event.clientY >= box.top &&
            event.clientY <= box.bottom;
          if (!inside) close();
        }
      }}
    >
      <div className="quick-pick-field">
        <svg className="quick-pick-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          ref={input}
          className="quick-pick-input"
          role="combobox"
          aria-label={label}
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeKey === null ? undefined : optionId(activeKey)}
          placeholder={props.placeholder}
          spellCheck={false}
          autoComplete="off"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div
        id={listId}
        className="quick-pick-list"
        role="listbox"
        aria-label={label}
        aria-busy={props.busy || undefined}
      >
        {sections.map((section, sectionIndex) =>
          section.items.length === 0 ? null : (
            <div key={section.key} role="group" aria-label={section.title} className="quick-pick-section">
              {section.title && (
                <div className="quick-pick-section-title" aria-hidden="true">
                  {section.title}
                </div>
              )}
              {section.items.map((item, itemIndex) => {
                const key = keyOf(item);
                const index = sectionStarts[sectionIndex]! + itemIndex;
                return (
                  <div
                    key={key}
                    id={optionId(key)}
                    role="option"
                    aria-selected={index === activeIndex}
                    className="quick-pick-option"
                    // Keep the focus in the field while clicking.
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseMove={() => index !== activeIndex && setPointer({ query, key })}
                    onClick={(event) => choose(item, event.shiftKey)}
                  >
                    {props.renderItem(item)}
                  </div>
                );
              })}
            </div>
          ),
        )}
        {items.length === 0 && props.emptyText && <div className="quick-pick-empty">{props.emptyText}</div>}
      </div>
      {props.hints && props.hints.length > 0 && (
        <div className="quick-pick-hints" aria-hidden="true">
          {props.hints.map(([keys, action]) => (
            <span key={action}>
              <kbd>{keys}</kbd> {action}
            </span>
          ))}
        </div>
      )}
    </dialog>
  );
}
