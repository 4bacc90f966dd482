import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LinkPreview } from '@shared/domain/links';
import { COMMAND_PRIORITY_LOW, KEY_ESCAPE_COMMAND, type NodeKey } from 'lexical';
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { KindBadge } from '../../ui/KindBadge';
import { shortcutLabel } from '../../ui/shortcuts';
import { wikiLinkShownHeading } from '../nodes/WikiLinkNode';
import { OPEN_LINK_SHORTCUT, openWikiLink } from './WikiLinkClickPlugin';
import { $wikiLinkAtCaret, $wikiLinkFromDOM, wikiLinkElementAt } from './wikiLinkAtCaret';
import { targetKey, type WikiLinkHost, type WikiLinkResolutions } from './wikiLinkHost';
import './wikiLinkPreview.css';

/** How long the pointer rests on a link before its card shows. */
const HOVER_DELAY_MS = 350;
/** How long the caret rests beside a link before its card shows. */
const CARET_DELAY_MS = 700;
/** Grace period to move the pointer from the link onto the card. */
const HIDE_DELAY_MS = 200;

interface Anchor {
  key: NodeKey;
  element: HTMLElement;
  target: string;
  heading: string | null;
  /** What showed the card: the pointer or the caret. */
  by: 'pointer' | 'caret';
  /** Where the card goes (fixed position), measured when it is shown. */
  placement: Placement;
}

type Loaded = { status: 'loading' } | { status: 'ready'; preview: LinkPreview | null } | { status: 'failed' };

interface Placement {
  left: number;
  top?: number;
  bottom?: number;
}

function placeBelowOrAbove(element: HTMLElement): Placement {
  const rect = element.getBoundingClientRect();
  const width = Math.min(360, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  if (rect.bottom + 220 > window.innerHeight && rect.top > 240)
    return { left, bottom: window.innerHeight - rect.top + 6 };
  return { left, top: rect.bottom + 6 };
}

/**
 * A card with the first paragraph of a link's target, shown when the pointer rests on a
 * link or the caret stays beside one; it goes on leaving, on Escape, on typing and on
 * scrolling. The text is the backend's plain text, rendered as React text (never HTML).
 * Clicking the card opens the link, as clicking the link does.
 */
export function WikiLinkPreviewPlugin({ host, resolutions }: { host: WikiLinkHost; resolutions: WikiLinkResolutions }) {
  const [editor] = useLexicalComposerContext();
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [loaded, setLoaded] = useState<{ key: string; value: Loaded } | null>(null);
  const cache = useRef(new Map<string, Promise<LinkPreview | null>>());
  const anchorRef = useRef<Anchor | null>(null);
  const cardHandlers = useRef<{ keepOpen(): void; hideSoon(): void } | null>(null);
  const cardId = useId();

  // Timers and the shown anchor live outside React state so event handlers see them at once.
  useEffect(() => {
    let showTimer: ReturnType<typeof setTimeout> | undefined;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;
    let root: HTMLElement | null = null;

    const show = (next: Anchor | null) => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      const previous = anchorRef.current;
      if (previous?.element === next?.element && previous?.by === next?.by) return;
      previous?.element.removeAttribute('aria-describedby');
      anchorRef.current = next;
      setAnchor(next);
    };
    const hideSoon = () => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => show(null), HIDE_DELAY_MS);
    };
    const anchorFor = (element: HTMLElement, by: Anchor['by']): Anchor | null =>
      editor.read(() => {
        const node = $wikiLinkFromDOM(element);
        if (node === null) return null;
        const { target, heading } = node.getParts();
        return { key: node.getKey(), element, target, heading, by, placement: placeBelowOrAbove(element) };
      });
    const showSoon = (element: HTMLElement, by: Anchor['by']) => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      if (anchorRef.current?.element === element) return;
      showTimer = setTimeout(() => show(anchorFor(element, by)), by === 'pointer' ? HOVER_DELAY_MS : CARET_DELAY_MS);
    };

    const onOver = (event: MouseEvent) => {
      if (root === null) return;
      const element = wikiLinkElementAt(event.target, root);
      if (element !== null) showSoon(element, 'pointer');
    };
    const onOut = (event: MouseEvent) => {
      if (root === null) return;
      const from = wikiLinkElementAt(event.target, root);
      if (from === null) return;
      const to = event.relatedTarget;
      if (to instanceof Node && from.contains(to)) return;
      if (anchorRef.current?.by === 'pointer' || anchorRef.current === null) hideSoon();
    };
    const onScroll = () => show(null);

    const offRoot = editor.registerRootListener((next, previous) => {
      previous?.removeEventListener('mouseover', onOver);
      previous?.removeEventListener('mouseout', onOut);
      root = next;
      next?.addEventListener('mouseover', onOver);
      next?.addEventListener('mouseout', onOut);
    });
    const offUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) {
        // Typing (or a reload) moves things: the card would point at the wrong place.
        show(null);
        return;
      }
      const caret = editorState.read(() => $wikiLinkAtCaret()?.getKey() ?? null);
      const focused = root !== null && root.contains(root.ownerDocument.activeElement);
      if (caret !== null && focused) {
        const element = editor.getElementByKey(caret);
        if (element !== null) showSoon(element, 'caret');
      } else if (anchorRef.current?.by === 'caret') {
        show(null);
      } else {
        clearTimeout(showTimer);
      }
    });
    const offEscape = editor.registerCommand(
      KEY_ESCAPE_COMMAND,
      () => {
        if (anchorRef.current === null) {
          clearTimeout(showTimer);
          return false;
        }
        show(null);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    );
    const offChanges = host.onLinksChanged(() => cache.current.clear());
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    // The card's own hover keeps it open (see the card's handlers).
    const keepOpen = () => clearTimeout(hideTimer);
    const card = { keepOpen, hideSoon };
    cardHandlers.current = card;
    return () => {
      clearTimeout(showTimer);
      clearTimeout(hideTimer);
      offRoot();
      offUpdate();
      offEscape();
      offChanges();
      document.removeEventListener('scroll', onScroll, { capture: true });
      anchorRef.current?.element.removeAttribute('aria-describedby');
      anchorRef.current = null;
      if (cardHandlers.current === card) cardHandlers.current = null;
    };
  }, [editor, host]);

  // Load the preview of the shown link (cached per target until links change).
  const target = anchor?.target ?? null;
  useEffect(() => {
    if (target === null || target.trim() === '') return;
    const key = targetKey(target);
    let promise = cache.current.get(key);
    if (!promise) {
      promise = host.getLinkPreview(target);
      cache.current.set(key, promise);
      promise.catch(() => cache.current.delete(key));
    }
    let current = true;
    promise.then(
      (preview) => current && setLoaded({ key, value: { status: 'ready', preview } }),
      () => current && setLoaded({ key, value: { status: 'failed' } }),
    );
    return () => {
      current = false;
    };
  }, [host, target]);

  useEffect(() => {
    if (anchor) anchor.element.setAttribute('aria-describedby', cardId);
  }, [anchor, cardId]);

  if (anchor === null || !anchor.element.isConnected) return null;
  const sameNote = anchor.target.trim() === '';
  const state: Loaded = sameNote
    ? { status: 'ready', preview: null }
    : loaded?.key === targetKey(anchor.target)
      ? loaded.value
      : { status: 'loading' };
  const preview = state.status === 'ready' ? state.preview : null;
  const kind = preview?.target.kind ?? (sameNote ? 'note' : null);
  const heading =
    wikiLinkShownHeading({ target: anchor.target, heading: anchor.heading, label: null }) ?? anchor.heading;
  const placement = anchor.placement;
  const unresolved = state.status === 'ready' && preview === null && !sameNote;
  const openHint = unresolved
    ? 'Click to create this note'
    : kind === 'entry'
      ? 'Click to open beside the note'
      : 'Click to open';

  return createPortal(
    <div
      id={cardId}
      role="tooltip"
      className={`wiki-preview wiki-preview-${unresolved ? 'unresolved' : (kind ?? 'loading')}`}
      style={{ left: placement.left, top: placement.top, bottom: placement.bottom }}
      data-state={state.status}
      onMouseEnter={() => cardHandlers.current?.keepOpen()}
      onMouseLeave={() => cardHandlers.current?.hideSoon()}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        void openWikiLink(host, resolutions, { target: anchor.target, heading: anchor.heading });
        cardHandlers.current?.hideSoon();
      }}
    >
      <div className="wiki-preview-head">
        {kind && !unresolved && <KindBadge kind={kind} />}
        <span className="wiki-preview-title">
          {sameNote ? 'This note' : (preview?.target.title ?? anchor.target.trim())}
        </span>
        {heading && <span className="wiki-preview-heading">› {heading.trim()}</span>}
      </div>
      {state.status === 'loading' && <p className="wiki-preview-text wiki-preview-muted">Loading…</p>}
      {state.status === 'failed' && (
        <p className="wiki-preview-text wiki-preview-muted">The preview could not be loaded.</p>
      )}
      {unresolved && (
        <p className="wiki-preview-text wiki-preview-muted">No note or glossary entry has this name yet.</p>
      )}
      {preview && <p className="wiki-preview-text">{preview.text || 'This document has no text yet.'}</p>}
      {sameNote && <p className="wiki-preview-text wiki-preview-muted">A heading in this note.</p>}
      <div className="wiki-preview-foot">
        {openHint} · <kbd>{shortcutLabel(OPEN_LINK_SHORTCUT)}</kbd> with the caret beside the link
      </div>
    </div>,
    document.body,
  );
}
