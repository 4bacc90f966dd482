import { entryText, type EntryTextBlock } from '@shared/annotations/entryText';
import type { GlossaryEntry } from '@shared/domain/glossary';
import type { HighlightColour, PlacedHighlight } from '@shared/domain/highlights';
import {
  Fragment,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type ReactNode,
} from 'react';
import { useApi } from '../../api/ApiContext';
import { HIGHLIGHT_DRAG_TYPE, requestQuote } from '../quotes/quoteRequest';
import { blockSegments, placedInOrder, type TextSegment } from './highlightSegments';
import { COLOUR_NAMES, markLabel } from './highlightLabels';
import { Announcement } from '../../ui/Announcement';
import { HighlightPopover, type PopoverPosition } from './HighlightPopover';
import { MarginNote, MarginNoteEditor } from './MarginNote';
import { registerReader } from './readerRegistry';
import { cssString } from './cssString';
import { extendSelectionByKey } from './keyboardSelection';
import { HIGHLIGHT_SHORTCUT } from './useHighlightCommands';
import { shortcutLabel } from '../../ui/shortcuts';
import { BLOCK_OFFSET_ATTRIBUTE, selectionToOffsets } from './selectionOffsets';
import { useEntryHighlights } from './useEntryHighlights';
import './highlights.css';

type Popover =
  | { kind: 'selection'; start: number; end: number; position: PopoverPosition; focus: boolean }
  | { kind: 'highlight'; id: string; position: PopoverPosition; focus: boolean };

/** What the last destructive action was, until undone or dismissed. */
interface Undo {
  message: string;
  run(): Promise<unknown>;
  /** Called when the bar is closed without undoing. */
  onDismiss?(): void;
}

/**
 * How long a deleted highlight can be brought back. It is hidden at once but deleted from its
 * file only then (or when the bar is closed, another is deleted or the entry is left), so that
 * Undo brings back the same highlight, with its id, and the quotes linking to it keep working.
 */
const UNDO_DELETE_MS = 10_000;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where `rect` (viewport coordinates) is inside `container`: the toolbar goes above its middle. */
function positionIn(container: HTMLElement, rect: DOMRect): PopoverPosition {
  const box = container.getBoundingClientRect();
  return { left: rect.left - box.left + rect.width / 2, top: rect.top - box.top, bottom: rect.bottom - box.top };
}

function firstPieceOf(root: HTMLElement | null, id: string): HTMLElement | null {
  return root?.querySelector<HTMLElement>(`mark[data-highlight-id=${cssString(id)}][data-first]`) ?? null;
}

/**
 * Where a selection starts on screen: its first line (the toolbar goes above it). jsdom has no
 * Range geometry: its element's then.
 */
function rectOf(range: Range): DOMRect {
  if (typeof range.getClientRects === 'function') {
    const first = [...range.getClientRects()].find((rect) => rect.width > 0);
    if (first) return first;
  }
  if (typeof range.getBoundingClientRect === 'function') return range.getBoundingClientRect();
  const element = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  return element?.getBoundingClientRect() ?? new DOMRect();
}

/**
 * The body of a glossary entry in the reader, with the user's highlights and margin notes:
 * the blocks of its anchoring text (see @shared/annotations/entryText), each an element
 * holding its text as text nodes and <mark>s (never HTML), carrying its start offset in
 * `data-offset`, so a selection maps to offsets (selectionOffsets) and back. Selecting text
 * with the mouse offers a small toolbar; a highlight opens its own on click or Enter.
 * Margin notes sit beside their passage (below it in the compact reference pane). Keyed by
 * entry by its caller, so another entry starts with no popover, editor or undo.
 */
export function HighlightedBody({
  entryId,
  entry,
  compact,
  onTextChanged,
}: {
  entryId: string;
  entry: Pick<GlossaryEntry, 'definition' | 'sections'>;
  compact: boolean;
  /** Called after the highlights changed how the text is split into nodes (search matches are found again). */
  onTextChanged?(): void;
}) {
  const api = useApi();
  const { text, blocks } = useMemo(() => entryText(entry), [entry]);
  const loaded = useEntryHighlights(api, entryId);
  // A highlight deleted a moment ago, hidden while its Undo is offered (see UNDO_DELETE_MS).
  const [pendingDelete, setPendingDelete] = useState<PlacedHighlight | null>(null);
  const highlights = useMemo(
    () => (loaded.value?.highlights ?? []).filter((highlight) => highlight.id !== pendingDelete?.id),
    [loaded.value, pendingDelete],
  );
  const placed = useMemo(() => placedInOrder(highlights), [highlights]);
  const [popover, setPopover] = useState<Popover | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // What a screen reader is told after an action (the status bar below says failures and undo).
  const [announcement, setAnnouncement] = useState('');
  const bodyRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const byId = useMemo(() => new Map(highlights.map((highlight) => [highlight.id, highlight])), [highlights]);

  const textChanged = useRef(onTextChanged);
  useLayoutEffect(() => {
    textChanged.current = onTextChanged;
  });
  // (Not while there have never been marks: the text nodes are then as first rendered.)
  const hadMarks = useRef(false);
  useEffect(() => {
    if (placed.length === 0 && !hadMarks.current) return;
    hadMarks.current = true;
    textChanged.current?.();
  }, [placed]);

  const focusHighlight = useCallback((id: string) => {
    firstPieceOf(bodyRef.current, id)?.focus();
  }, []);

  const fail = useCallback((error: unknown) => setMessage(`That did not work: ${errorText(error)}`), []);

  const add = useCallback(
    async (start: number, end: number, colour?: HighlightColour): Promise<PlacedHighlight | null> => {
      try {
        const added = await api.addHighlight({ entryId, start, end, ...(colour ? { colour } : {}) });
        setMessage(null);
        setAnnouncement(`Highlighted in ${COLOUR_NAMES[added.colour].toLowerCase()}.`);
        document.getSelection()?.removeAllRanges();
        loaded.reload();
        return added;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    [api, entryId, loaded, fail],
  );

  const quote = useCallback(
    (highlightId: string) => {
      if (!requestQuote({ entryId, highlightId })) setMessage('Open a note to quote this passage into.');
    },
    [entryId],
  );

  const update = useCallback(
    async (id: string, patch: Parameters<typeof api.updateHighlight>[0]['patch']) => {
      try {
        await api.updateHighlight({ entryId, id, patch });
        loaded.reload();
        if (patch.colour) setAnnouncement(`Highlight changed to ${COLOUR_NAMES[patch.colour].toLowerCase()}.`);
        else if (patch.note !== undefined) setAnnouncement(patch.note ? 'Margin note saved.' : 'Margin note removed.');
      } catch (error) {
        fail(error);
      }
    },
    [api, entryId, loaded, fail],
  );

  const commitDelete = useRef((_highlight: PlacedHighlight) => {});
  const pendingRef = useRef<PlacedHighlight | null>(null);
  useLayoutEffect(() => {
    commitDelete.current = (highlight) => {
      api.deleteHighlight({ entryId, id: highlight.id }).then(() => loaded.reload(), fail);
    };
    pendingRef.current = pendingDelete;
  });
  // Deleted for good once Undo is no longer offered…
  useEffect(() => {
    if (!pendingDelete) return;
    const timer = setTimeout(() => {
      setPendingDelete(null);
      setUndo(null);
      commitDelete.current(pendingDelete);
    }, UNDO_DELETE_MS);
    return () => clearTimeout(timer);
  }, [pendingDelete]);
  // …or when the entry is left.
  useEffect(
    () => () => {
      if (pendingRef.current) commitDelete.current(pendingRef.current);
    },
    [],
  );

  const remove = (highlight: PlacedHighlight) => {
    if (pendingRef.current) commitDelete.current(pendingRef.current);
    pendingRef.current = highlight;
    setPendingDelete(highlight);
    setUndo({
      message: 'Highlight deleted.',
      run: async () => setPendingDelete(null),
      onDismiss: () => {
        setPendingDelete(null);
        commitDelete.current(highlight);
      },
    });
  };

  const openFor = useCallback((id: string, focus: boolean) => {
    const mark = firstPieceOf(bodyRef.current, id);
    const container = bodyRef.current;
    if (!mark || !container) return;
    // Above its first line, like a selection's.
    const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    setPopover({ kind: 'highlight', id, position: positionIn(container, rect), focus });
  }, []);

  const focusedHighlight = (): string | null => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !bodyRef.current?.contains(active)) return null;
    return active.closest('mark[data-highlight-id]')?.getAttribute('data-highlight-id') ?? null;
  };
  const selected = () => (bodyRef.current ? selectionToOffsets(bodyRef.current, text) : null);

  // The commands (useHighlightCommands) act through this.
  const actions = useRef({
    highlight: () => {},
    note: () => {},
    quote: () => {},
    moveFocus: (_direction: 1 | -1) => {},
  });
  useLayoutEffect(() => {
    actions.current = {
      highlight: () => {
        const range = selected();
        if (range) void add(range.start, range.end).then((added) => added && setPopover(null));
        else {
          const id = focusedHighlight();
          if (id) openFor(id, true);
        }
      },
      note: () => {
        const range = selected();
        const id = range ? null : focusedHighlight();
        if (id) {
          setPopover(null);
          setEditing(id);
        } else if (range) {
          void add(range.start, range.end).then((added) => {
            setPopover(null);
            if (added) setEditing(added.id);
          });
        }
      },
      quote: () => {
        const range = selected();
        const id = range ? null : focusedHighlight();
        if (id) quote(id);
        else if (range) {
          void add(range.start, range.end).then((added) => {
            setPopover(null);
            if (added) quote(added.id);
          });
        }
      },
      moveFocus: (direction) => {
        const marks = [...(bodyRef.current?.querySelectorAll<HTMLElement>('mark[data-first]') ?? [])];
        if (marks.length === 0) return;
        const index = marks.indexOf(document.activeElement as HTMLElement);
        const next =
          index < 0
            ? direction > 0
              ? marks[0]
              : marks[marks.length - 1]
            : marks[(index + direction + marks.length) % marks.length];
        next?.focus();
        next?.scrollIntoView?.({ block: 'nearest' });
      },
    };
  });

  useEffect(
    () =>
      registerReader({
        entryId,
        article: () => bodyRef.current?.closest('article') ?? null,
        highlight: () => actions.current.highlight(),
        note: () => actions.current.note(),
        quote: () => actions.current.quote(),
        moveFocus: (direction) => actions.current.moveFocus(direction),
        selection: () => (bodyRef.current ? selectionToOffsets(bodyRef.current, text) : null),
      }),
    [entryId, text],
  );

  // In the wide reader, each block's margin notes start level with the first highlight they annotate.
  const alignMargin = useRef(() => {});
  useLayoutEffect(() => {
    alignMargin.current = () => {
      const body = bodyRef.current;
      if (!body) return;
      for (const column of body.querySelectorAll<HTMLElement>('.reader-row > .margin-notes')) {
        const row = column.parentElement!;
        const id = column.firstElementChild?.getAttribute('data-note-for');
        const mark = id ? row.querySelector(`mark[data-highlight-id=${cssString(id)}]`) : null;
        const beside = getComputedStyle(row).display === 'grid';
        const top = mark && beside ? mark.getBoundingClientRect().top - row.getBoundingClientRect().top : 0;
        column.style.paddingTop = top > 0 ? `${Math.round(top)}px` : '';
      }
    };
    alignMargin.current();
  });
  useEffect(() => {
    const body = bodyRef.current;
    if (!body || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => alignMargin.current());
    observer.observe(body);
    return () => observer.disconnect();
  }, []);

  // The toolbar over the selection, if it selects text of the body (after a drag or Shift+arrows).
  const showSelectionToolbar = () => {
    const container = bodyRef.current;
    const selection = document.getSelection();
    if (!container || !selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selectionToOffsets(container, text);
    if (!range) {
      setPopover((current) => (current?.kind === 'selection' ? null : current));
      return;
    }
    const rect = rectOf(selection.getRangeAt(0));
    setPopover({ kind: 'selection', ...range, position: positionIn(container, rect), focus: false });
  };
  const showToolbar = useRef(showSelectionToolbar);
  useLayoutEffect(() => {
    showToolbar.current = showSelectionToolbar;
  });

  // Shift+arrows select the text from the keyboard while the focus is in the body or around it
  // (the reference pane's scrolling region), never while typing a margin note; the toolbar
  // follows the selection (Tab goes into it).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const body = bodyRef.current;
      const active = document.activeElement;
      if (!body || event.defaultPrevented || !(active instanceof HTMLElement)) return;
      if (!(body.contains(active) || active.contains(body)) || active.matches('textarea, input')) return;
      if (!extendSelectionByKey(body, event)) return;
      event.preventDefault();
      showToolbar.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const onMouseUp = () => showSelectionToolbar();

  const closePopover = useCallback(
    (restoreFocus: boolean) => {
      setPopover((current) => {
        if (restoreFocus && current?.kind === 'highlight') queueMicrotask(() => focusHighlight(current.id));
        return null;
      });
    },
    [focusHighlight],
  );

  const popoverHighlight = popover?.kind === 'highlight' ? (byId.get(popover.id) ?? null) : null;

  // Each highlight's first piece is its Tab stop and carries its name; the notes go by the block it starts in.
  const firstPieces = new Set<string>();
  const notesByBlock = new Map<EntryTextBlock, PlacedHighlight[]>();
  for (const highlight of placed) {
    if (!highlight.note && editing !== highlight.id) continue;
    const block = blocks.find((candidate) => highlight.place!.start < candidate.end) ?? blocks[blocks.length - 1];
    if (!block) continue;
    notesByBlock.set(block, [...(notesByBlock.get(block) ?? []), highlight]);
  }
  const annotated = notesByBlock.size > 0;

  const renderSegment = (segment: TextSegment, index: number): ReactNode => {
    const highlight = segment.highlight;
    if (!highlight) return <Fragment key={index}>{segment.text}</Fragment>;
    const first = !firstPieces.has(highlight.id);
    firstPieces.add(highlight.id);
    const continues = segment.end < highlight.place!.end;
    const onDragStart = (event: DragEvent<HTMLElement>) => {
      event.dataTransfer.setData(HIGHLIGHT_DRAG_TYPE, JSON.stringify({ entryId, highlightId: highlight.id }));
      event.dataTransfer.setData('text/plain', text.slice(highlight.place!.start, highlight.place!.end));
      event.dataTransfer.effectAllowed = 'copy';
    };
    return (
      <mark
        key={index}
        className={`hl hl-${highlight.colour}${segment.covering.length > 1 ? ' hl-overlap' : ''}`}
        data-highlight-id={highlight.id}
        data-first={first ? '' : undefined}
        {...(first
          ? { role: 'button', tabIndex: 0, 'aria-label': markLabel(highlight, segment.text, continues) }
          : { tabIndex: -1 })}
        draggable
        onDragStart={onDragStart}
        onClick={() => {
          const selection = document.getSelection();
          if (selection && !selection.isCollapsed) return;
          openFor(highlight.id, false);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          openFor(highlight.id, true);
        }}
      >
        {segment.text}
      </mark>
    );
  };

  const renderBlock = (block: EntryTextBlock, index: number): ReactNode => {
    const segments = blockSegments(text, block, placed);
    const attributes = { [BLOCK_OFFSET_ATTRIBUTE]: block.start };
    const element =
      block.kind === 'heading' ? (
        <h2 {...attributes}>{segments.map(renderSegment)}</h2>
      ) : (
        <p {...attributes}>{segments.map(renderSegment)}</p>
      );
    const notes = notesByBlock.get(block);
    // Always in a row, so a note appearing beside a block does not re-create its text nodes.
    return (
      <div key={index} className="reader-row">
        {element}
        {notes && (
          <div className="margin-notes" role="group" aria-label="Margin notes">
            {notes.map((highlight) =>
              editing === highlight.id ? (
                <MarginNoteEditor
                  key={highlight.id}
                  highlight={highlight}
                  onCancel={() => {
                    setEditing(null);
                    queueMicrotask(() => focusHighlight(highlight.id));
                  }}
                  onSave={(note) => {
                    setEditing(null);
                    void update(highlight.id, { note });
                  }}
                />
              ) : (
                <MarginNote
                  key={highlight.id}
                  highlight={highlight}
                  onEdit={() => setEditing(highlight.id)}
                  onFocusHighlight={() => focusHighlight(highlight.id)}
                />
              ),
            )}
          </div>
        )}
      </div>
    );
  };

  const definitionBlocks = blocks.filter((block) => block.section === -1);
  return (
    <div
      ref={bodyRef}
      className={`reader-body${annotated ? ' reader-annotated' : ''}${compact ? ' reader-body-compact' : ''}`}
      onMouseUp={onMouseUp}
      // The main view's body is a Tab stop, so the keyboard can select in it (the reference
      // pane's scrolling region already is one).
      {...(compact ? {} : { tabIndex: 0, role: 'region', 'aria-label': 'Entry text', 'aria-describedby': hintId })}
    >
      {!compact && (
        <p id={hintId} className="visually-hidden">
          Shift with the arrow keys selects text; {shortcutLabel(HIGHLIGHT_SHORTCUT)} highlights it.
        </p>
      )}
      <div className="definition">{definitionBlocks.map((block) => renderBlock(block, blocks.indexOf(block)))}</div>
      {entry.sections.map((section, sectionIndex) => (
        <section key={sectionIndex} aria-label={section.heading}>
          {blocks
            .filter((block) => block.section === sectionIndex)
            .map((block) => renderBlock(block, blocks.indexOf(block)))}
        </section>
      ))}
      {popover && (popover.kind === 'selection' || popoverHighlight) && (
        <HighlightPopover
          position={popover.position}
          highlight={popoverHighlight}
          focusOnOpen={popover.focus}
          onClose={closePopover}
          onColour={(colour) => {
            if (popover.kind === 'selection') void add(popover.start, popover.end, colour);
            else if (popoverHighlight && popoverHighlight.colour !== colour) void update(popover.id, { colour });
            closePopover(popover.kind === 'highlight');
          }}
          onNote={() => {
            setPopover(null);
            if (popover.kind === 'highlight') setEditing(popover.id);
            else void add(popover.start, popover.end).then((added) => added && setEditing(added.id));
          }}
          onRemoveNote={() => {
            if (!popoverHighlight?.note) return;
            const note = popoverHighlight.note;
            const id = popoverHighlight.id;
            closePopover(true);
            void update(id, { note: '' }).then(() =>
              setUndo({
                message: 'Margin note removed.',
                run: () => api.updateHighlight({ entryId, id, patch: { note } }),
              }),
            );
          }}
          onQuote={() => {
            setPopover(null);
            if (popover.kind === 'highlight') quote(popover.id);
            else void add(popover.start, popover.end).then((added) => added && quote(added.id));
          }}
          onDelete={() => {
            setPopover(null);
            if (popoverHighlight) remove(popoverHighlight);
          }}
        />
      )}
      <Announcement message={announcement} />
      {(undo || message) && (
        <div className="highlight-status" role="status">
          <span>{undo?.message ?? message}</span>
          {undo && (
            <button
              type="button"
              className="text-button"
              onClick={() => {
                const run = undo.run;
                setUndo(null);
                run().then(() => loaded.reload(), fail);
              }}
            >
              Undo
            </button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => {
              undo?.onDismiss?.();
              setUndo(null);
              setMessage(null);
            }}
          >
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}
