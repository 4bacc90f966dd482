import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { MAX_TERM_BLOCK_CHARS, type TermCard, type TermHit } from '@shared/domain/terms';
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  KEY_ESCAPE_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useCommands } from '../../ui/commands/useCommands';
import { supportsHighlights } from '../../ui/highlight/showTermHighlights';
import type { Shortcut } from '../../ui/shortcuts';
import { $createWikiLinkNode } from '../nodes/WikiLinkNode';
import { LOAD_DOCUMENT_TAG } from '../plugins/ContentChangePlugin';
import { $blockTextOf, type BlockText, firstPerSection, placeOf, type TermPlace } from './termBlocks';
import { type CardState, TermDefinitionCard } from './TermDefinitionCard';
import type { TermDefinitionsHost } from './termDefinitionsHost';
import './termDefinitions.css';

/** The CSS highlight terms are painted with (`::highlight(glossary-term)`, termDefinitions.css). */
export const TERM_HIGHLIGHT = 'glossary-term';
/** The User Timing measure of each scan that sent blocks (`terms-typing` bench reads it). */
export const SCAN_MEASURE = 'glossary-terms-scan';
/** The keys that show the definition of the term at the caret. */
export const SHOW_DEFINITION_SHORTCUT: Shortcut = ['Mod', 'Shift', 'D'];
/** Quiet time after typing before the changed blocks are scanned again. */
export const TYPING_PAUSE_MS = 400;
/** How long the pointer rests on a term before its card shows (as a wiki link's preview). */
const HOVER_DELAY_MS = 350;
/** Grace period to move the pointer from the term onto the card. */
const HIDE_DELAY_MS = 250;
/** The most blocks and characters sent in one call (the contract allows more blocks). */
const CALL_BLOCKS = 2_000;
const CALL_CHARS = 1_000_000;

/** One underlined occurrence. */
export interface PaintedTerm {
  block: NodeKey;
  range: Range;
  hit: TermHit;
  place: TermPlace;
  written: string;
}

interface Scanned {
  text: BlockText;
  /** null while its scan is under way. */
  hits: TermHit[] | null;
}

interface Shown {
  term: PaintedTerm;
  by: 'pointer' | 'keyboard';
  placement: { left: number; top?: number; bottom?: number };
}

/** The DOM text node Lexical renders text node `key` into. */
function domTextOf(editor: LexicalEditor, key: NodeKey): Text | null {
  let node: Node | null = editor.getElementByKey(key);
  while (node !== null && !(node instanceof Text)) node = node.firstChild;
  return node;
}

function rangeOf(editor: LexicalEditor, place: TermPlace): Range | null {
  const start = domTextOf(editor, place.startKey);
  const end = place.endKey === place.startKey ? start : domTextOf(editor, place.endKey);
  if (!start || !end || place.startOffset > start.length || place.endOffset > end.length) return null;
  const range = document.createRange();
  range.setStart(start, place.startOffset);
  range.setEnd(end, place.endOffset);
  return range;
}

/** The nearest ancestor of `element` that scrolls vertically, or null for the page. */
function scrollerOf(element: HTMLElement | null): Element | null {
  for (let parent = element?.parentElement ?? null; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return parent;
  }
  return null;
}

function placeBelowOrAbove(rect: DOMRect): Shown['placement'] {
  const width = Math.min(360, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  if (rect.bottom + 260 > window.innerHeight && rect.top > 280)
    return { left, bottom: window.innerHeight - rect.top + 6 };
  return { left, top: rect.bottom + 6 };
}

function pointAt(x: number, y: number): { node: Node; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** True when the point is inside the range, ends included. */
function holds(range: Range, node: Node, offset: number): boolean {
  try {
    return range.comparePoint(node, offset) === 0;
  } catch {
    return false;
  }
}

/** The painted term under the pointer at (x, y), if any. */
function termAtPoint(painted: readonly PaintedTerm[], x: number, y: number): PaintedTerm | null {
  const point = pointAt(x, y);
  if (!point) return null;
  for (const term of painted) {
    if (!holds(term.range, point.node, point.offset)) continue;
    for (const rect of term.range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return term;
    }
  }
  return null;
}

function termAtCaret(painted: readonly PaintedTerm[]): PaintedTerm | null {
  const selection = document.getSelection();
  if (!selection?.anchorNode) return null;
  const { anchorNode, anchorOffset } = selection;
  return painted.find((term) => holds(term.range, anchorNode, anchorOffset)) ?? null;
}

/** The wiki link written for `card` at an occurrence written `written`. */
export function linkPartsFor(card: TermCard, written: string): { target: string; label: string | null } {
  return { target: card.target, label: written === card.target ? null : written };
}

/** Turns the occurrence at `place` into a link to `card` (one undo step); false when the text moved. */
export function linkTerm(editor: LexicalEditor, place: TermPlace, written: string, card: TermCard): boolean {
  let done = false;
  editor.update(
    () => {
      const start = $getNodeByKey(place.startKey);
      const end = $getNodeByKey(place.endKey);
      if (!$isTextNode(start) || !$isTextNode(end)) return;
      const link = $createWikiLinkNode(linkPartsFor(card, written));
      if (start === end) {
        if (start.getTextContent().slice(place.startOffset, place.endOffset) !== written) return;
        let middle = start;
        if (place.startOffset > 0) [, middle] = start.splitText(place.startOffset) as [typeof start, typeof start];
        const length = place.endOffset - place.startOffset;
        if (length < middle.getTextContentSize()) [middle] = middle.splitText(length) as [typeof start];
        middle.replace(link);
      } else {
        const selection = $createRangeSelection();
        selection.anchor.set(place.startKey, place.startOffset, 'text');
        selection.focus.set(place.endKey, place.endOffset, 'text');
        if (selection.getTextContent() !== written) return;
        $setSelection(selection);
        selection.insertNodes([link]);
      }
      link.selectNext(0, 0);
      done = true;
    },
    { discrete: true },
  );
  return done;
}

/**
 * Definitions where glossary terms appear (#17): the first occurrence of each glossary title
 * or alias per section of the note (sections start at headings) gets a quiet underline,
 * painted with the CSS Custom Highlight API so neither the editor state, the DOM nor the
 * Markdown changes (saving and typing cost nothing). Hovering it (or Mod+Shift+D with the
 * caret in it) shows a definition card with "Open beside", "Open" and "Link".
 *
 * Off the typing path: the whole note is scanned when it opens; after that, only the
 * top-level blocks an update changed, once typing pauses (TYPING_PAUSE_MS), by the backend
 * (findTermsInBlocks: the glossary's matcher lives there). A changed block's underlines are
 * taken off at once, as it is typed in, and come back after the scan. What is scanned and
 * what is not (links, code, formulas, headings): termBlocks.ts; docs/term-detection.md.
 */
export function TermDefinitionsPlugin({ host, readOnly = false }: { host: TermDefinitionsHost; readOnly?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const paintedRef = useRef<readonly PaintedTerm[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const shownRef = useRef<Shown | null>(null);
  const cardElement = useRef<HTMLDivElement | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback((next: Shown | null) => {
    clearTimeout(hideTimer.current);
    shownRef.current = next;
    setShown(next);
  }, []);
  const hideSoon = useCallback(() => {
    clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => show(null), HIDE_DELAY_MS);
  }, [show]);

  // Detection and painting.
  useEffect(() => {
    const blocks = new Map<NodeKey, Scanned>();
    const paintedByBlock = new Map<NodeKey, PaintedTerm[]>();
    let highlight: Highlight | null = null;
    /*
     * Only the underlines of blocks within a screen of the view are registered with the
     * browser: Chromium re-marks every registered range after each DOM change (each key
     * typed), so the cost of a key stays that of a screenful of terms in a note of any size.
     * Without IntersectionObserver (tests' jsdom) every underline is registered.
     */
    const visible = new Set<NodeKey>();
    const observed = new Map<Element, NodeKey>();
    const register = () => {
      if (disposed || !supportsHighlights()) return;
      const terms = observer ? paintedRef.current.filter((term) => visible.has(term.block)) : paintedRef.current;
      highlight = new Highlight(...terms.map((term) => term.range));
      CSS.highlights.set(TERM_HIGHLIGHT, highlight);
    };
    const observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver(
            (entries) => {
              for (const entry of entries) {
                const key = observed.get(entry.target);
                if (key === undefined) continue;
                if (entry.isIntersecting) visible.add(key);
                else visible.delete(key);
              }
              register();
            },
            { root: scrollerOf(editor.getRootElement()), rootMargin: '100% 0px' },
          )
        : null;
    /** Observes the blocks that have underlines, and only those. */
    const observeBlocks = () => {
      if (!observer) return;
      const wanted = new Map<Element, NodeKey>();
      for (const key of paintedByBlock.keys()) {
        const element = editor.getElementByKey(key);
        if (element) wanted.set(element, key);
      }
      for (const [element, key] of observed) {
        if (wanted.get(element) === key) continue;
        observer.unobserve(element);
        observed.delete(element);
        visible.delete(key);
      }
      for (const [element, key] of wanted) {
        if (observed.has(element)) continue;
        observed.set(element, key);
        observer.observe(element);
      }
    };
    let dirty = new Set<NodeKey>();
    let everything = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const paint = () => {
      if (disposed) return;
      const state = editor.getEditorState();
      const order = state.read(() => $getRoot().getChildrenKeys());
      // Blocks gone from the note are forgotten.
      const present = new Set(order);
      for (const key of blocks.keys()) if (!present.has(key)) blocks.delete(key);
      const scanned = order.map((key) => {
        const block = blocks.get(key);
        return { heading: block?.text.heading ?? false, hits: block?.hits ?? [] };
      });
      const kept = firstPerSection(scanned);
      const painted: PaintedTerm[] = [];
      paintedByBlock.clear();
      order.forEach((key, index) => {
        const hits = kept[index]!;
        if (hits.length === 0) return;
        const block = blocks.get(key)!;
        const mine: PaintedTerm[] = [];
        for (const hit of hits) {
          const place = placeOf(block.text, hit.start, hit.end);
          const range = place && rangeOf(editor, place);
          if (!place || !range) continue;
          mine.push({ block: key, range, hit, place, written: block.text.text.slice(hit.start, hit.end) });
        }
        paintedByBlock.set(key, mine);
        painted.push(...mine);
      });
      paintedRef.current = painted;
      observeBlocks();
      register();
    };

    const scan = async () => {
      if (disposed) return;
      const started = performance.now();
      const state = editor.getEditorState();
      const wanted: Array<{ key: NodeKey; entry: Scanned }> = [];
      state.read(() => {
        const root = $getRoot();
        const keys = everything ? root.getChildrenKeys() : [...dirty];
        for (const key of keys) {
          const node = $getNodeByKey(key);
          if (node === null || node.getParent() !== root) continue;
          const text = $blockTextOf(node);
          const known = blocks.get(key);
          if (known && known.text.text === text.text && known.text.heading === text.heading) {
            // The same words: no scan, but its text nodes may be others now.
            known.text = text;
            continue;
          }
          const empty = text.heading || text.text.trim() === '';
          const entry: Scanned = { text, hits: empty ? [] : null };
          blocks.set(key, entry);
          if (!empty) wanted.push({ key, entry });
        }
      });
      everything = false;
      dirty = new Set();
      // In calls of bounded size; each answer is painted as it comes.
      for (let from = 0; from < wanted.length && !disposed;) {
        let to = from;
        let chars = 0;
        while (to < wanted.length && to - from < CALL_BLOCKS && (to === from || chars < CALL_CHARS)) {
          chars += Math.min(wanted[to]!.entry.text.text.length, MAX_TERM_BLOCK_CHARS);
          to++;
        }
        const slice = wanted.slice(from, to);
        from = to;
        let found: TermHit[][];
        try {
          found = await host.findTermsInBlocks(
            slice.map(({ entry }) => entry.text.text.slice(0, MAX_TERM_BLOCK_CHARS)),
          );
        } catch {
          found = slice.map(() => []);
        }
        slice.forEach(({ key, entry }, index) => {
          // Changed again meanwhile: a later scan answers for it.
          if (blocks.get(key) === entry) entry.hits = found[index] ?? [];
        });
        paint();
      }
      if (wanted.length === 0) paint();
      // For the bench and the performance panel: the blocks' text, the calls and the paint.
      else {
        try {
          performance.measure(SCAN_MEASURE, { start: started, detail: { blocks: wanted.length } });
        } catch {
          // A page without User Timing Level 3 (jsdom): nothing to record.
        }
      }
    };

    const schedule = (delay: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => void scan(), delay);
    };

    const offUpdate = editor.registerUpdateListener(({ dirtyElements, editorState, tags }) => {
      if (dirtyElements.size === 0) return;
      if (tags.has(LOAD_DOCUMENT_TAG)) {
        blocks.clear();
        everything = true;
        schedule(0);
        return;
      }
      // The changed top-level blocks: their underlines go now (their text moved), their scan after the pause.
      let moved = false;
      editorState.read(() => {
        for (const key of dirtyElements.keys()) {
          if (key === 'root') continue;
          const node = $getNodeByKey(key);
          if (node?.getParent()?.getKey() !== 'root') continue;
          dirty.add(key);
          const stale = paintedByBlock.get(key);
          if (!stale) continue;
          paintedByBlock.delete(key);
          moved = true;
          if (highlight) for (const term of stale) highlight.delete(term.range);
        }
      });
      if (moved) paintedRef.current = paintedRef.current.filter((term) => paintedByBlock.has(term.block));
      if (shownRef.current) show(null);
      schedule(TYPING_PAUSE_MS);
    });
    schedule(0);
    return () => {
      disposed = true;
      observer?.disconnect();
      clearTimeout(timer);
      offUpdate();
      paintedRef.current = [];
      if (supportsHighlights() && highlight && CSS.highlights.get(TERM_HIGHLIGHT) === highlight)
        CSS.highlights.delete(TERM_HIGHLIGHT);
    };
  }, [editor, host, show]);

  // The pointer: a card after it rests on a term.
  useEffect(() => {
    let restTimer: ReturnType<typeof setTimeout> | undefined;
    const onMove = (event: MouseEvent) => {
      clearTimeout(restTimer);
      const { clientX: x, clientY: y } = event;
      const current = shownRef.current;
      if (current?.by === 'pointer' && !termAtPoint([current.term], x, y)) hideSoon();
      else if (current?.by === 'pointer') clearTimeout(hideTimer.current);
      restTimer = setTimeout(() => {
        const term = termAtPoint(paintedRef.current, x, y);
        if (term === null || shownRef.current?.term === term) return;
        if (shownRef.current?.by === 'keyboard') return;
        show({ term, by: 'pointer', placement: placeBelowOrAbove(term.range.getBoundingClientRect()) });
      }, HOVER_DELAY_MS);
    };
    const onLeave = () => {
      clearTimeout(restTimer);
      if (shownRef.current?.by === 'pointer') hideSoon();
    };
    const offRoot = editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('mousemove', onMove);
      previous?.removeEventListener('mouseleave', onLeave);
      root?.addEventListener('mousemove', onMove);
      root?.addEventListener('mouseleave', onLeave);
    });
    const onScroll = (event: Event) => {
      if (cardElement.current && event.target instanceof Node && cardElement.current.contains(event.target)) return;
      if (shownRef.current) show(null);
    };
    document.addEventListener('scroll', onScroll, { capture: true, passive: true });
    const offEscape = editor.registerCommand(
      KEY_ESCAPE_COMMAND,
      () => {
        if (shownRef.current === null) return false;
        show(null);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    );
    return () => {
      clearTimeout(restTimer);
      clearTimeout(hideTimer.current);
      offRoot();
      offEscape();
      document.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, [editor, show, hideSoon]);

  const showAtCaret = (): boolean => {
    const term = termAtCaret(paintedRef.current);
    if (term === null) return false;
    show({ term, by: 'keyboard', placement: placeBelowOrAbove(term.range.getBoundingClientRect()) });
    return true;
  };

  useCommands([
    {
      id: 'editor.showDefinition',
      title: 'Show definition',
      group: 'Go',
      shortcut: SHOW_DEFINITION_SHORTCUT,
      keywords: ['glossary', 'term', 'define'],
      when: () => termAtCaret(paintedRef.current) !== null,
      run: () => void showAtCaret(),
    },
  ]);

  // The entries of the shown term.
  const ids = shown?.term.hit.entryIds.join('\n') ?? null;
  const [loaded, setLoaded] = useState<{ ids: string; state: CardState } | null>(null);
  const cache = useRef(new Map<string, Promise<TermCard[]>>());
  useEffect(() => {
    if (ids === null) return;
    let promise = cache.current.get(ids);
    if (!promise) {
      promise = host.describeTerms(ids.split('\n'));
      cache.current.set(ids, promise);
      promise.catch(() => cache.current.delete(ids));
    }
    let current = true;
    promise.then(
      (cards) => current && setLoaded({ ids, state: { status: 'ready', cards } }),
      () => current && setLoaded({ ids, state: { status: 'failed' } }),
    );
    return () => {
      current = false;
    };
  }, [host, ids]);

  if (shown === null || !shown.term.range.startContainer.isConnected) return null;
  const state: CardState = loaded?.ids === ids ? loaded.state : { status: 'loading' };
  const close = (refocus: boolean) => {
    show(null);
    if (refocus) {
      editor.getRootElement()?.focus({ preventScroll: true });
      editor.focus();
    }
  };
  return createPortal(
    <TermDefinitionCard
      written={shown.term.written}
      state={state}
      placement={shown.placement}
      focusOnOpen={shown.by === 'keyboard'}
      canLink={!readOnly}
      onElement={(element) => {
        cardElement.current = element;
      }}
      onPointerEnter={() => clearTimeout(hideTimer.current)}
      onPointerLeave={() => shownRef.current?.by === 'pointer' && hideSoon()}
      onOpenBeside={(card) => {
        close(false);
        host.openBeside(card);
      }}
      onOpen={(card) => {
        close(false);
        host.open(card);
      }}
      onLink={(card) => {
        const { place, written } = shown.term;
        close(false);
        linkTerm(editor, place, written, card);
        editor.focus();
      }}
      onClose={() => close(true)}
    />,
    document.body,
  );
}
