import { HIGHLIGHT_COLOURS, type HighlightColour, type PlacedHighlight } from '@shared/domain/highlights';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { COLOUR_NAMES } from './highlightLabels';

export interface PopoverPosition {
  /** Where to point, in the coordinates of the popover's positioned container. */
  left: number;
  top: number;
  bottom: number;
}

export interface HighlightPopoverProps {
  position: PopoverPosition;
  /** The highlight acted on; null for a plain selection. */
  highlight: PlacedHighlight | null;
  /** Move the focus into the toolbar when it opens (opened from the keyboard). */
  focusOnOpen: boolean;
  onColour(colour: HighlightColour): void;
  onNote(): void;
  onRemoveNote(): void;
  onQuote(): void;
  onDelete(): void;
  /** Closes it; `restoreFocus` when closed by Escape. */
  onClose(restoreFocus: boolean): void;
}

/** Whether `element` is the reader text the toolbar belongs to (a highlight in it, or the body itself). */
function isReaderText(element: Element, toolbar: HTMLElement): boolean {
  const body = toolbar.parentElement;
  return body !== null && body.contains(element) && !element.matches('textarea, input, button');
}

/**
 * The small toolbar beside a selection or a highlight in the reader: five colours, margin
 * note, quote, and (for a highlight) remove note and delete. A toolbar in the ARIA sense:
 * one Tab stop (the highlight's colour, else the first), arrow keys between its buttons,
 * Escape closes.
 */
export function HighlightPopover(props: HighlightPopoverProps) {
  const { highlight, position } = props;
  const ref = useRef<HTMLDivElement>(null);

  // Centred over its target, but kept inside the reader's body however near an edge that is.
  useLayoutEffect(() => {
    const element = ref.current;
    const parent = element?.offsetParent;
    if (!element || !(parent instanceof HTMLElement)) return;
    const half = element.offsetWidth / 2;
    const left = Math.max(half, Math.min(position.left, parent.clientWidth - half));
    element.style.left = `${left}px`;
  }, [position.left, highlight?.note]);

  useLayoutEffect(() => {
    if (props.focusOnOpen) ref.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
    // Only when it opens (a new target), not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlight?.id, position.top, position.left]);

  // Escape anywhere closes it (the selection stays where it was); so does a press outside.
  const onClose = props.onClose;
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const toolbar = ref.current;
      if (event.defaultPrevented || !toolbar) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose(true);
        return;
      }
      // Tab from the reader (or from nowhere) goes into the toolbar first, wherever it sits in the page.
      const active = document.activeElement;
      const fromReader =
        active === null || active === document.body || active.contains(toolbar) || isReaderText(active, toolbar);
      if (event.key === 'Tab' && !event.shiftKey && !toolbar.contains(active) && fromReader) {
        event.preventDefault();
        toolbar.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
      }
    };
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && event.target instanceof Node && !ref.current.contains(event.target)) onClose(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowRight'
        ? buttons[(index + 1) % buttons.length]
        : event.key === 'ArrowLeft'
          ? buttons[(index - 1 + buttons.length) % buttons.length]
          : event.key === 'Home'
            ? buttons[0]
            : event.key === 'End'
              ? buttons[buttons.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  };

  return (
    <div
      ref={ref}
      className="highlight-popover"
      role="toolbar"
      aria-label={highlight ? 'Highlight actions' : 'Highlight the selection'}
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
      // Pressing a button must not clear the selection it acts on.
      onMouseDown={(event) => event.preventDefault()}
    >
      <div className="highlight-swatches">
        {HIGHLIGHT_COLOURS.map((colour, index) => (
          <button
            key={colour}
            type="button"
            className={`highlight-swatch hl-${colour}`}
            aria-label={highlight ? COLOUR_NAMES[colour] : `Highlight ${COLOUR_NAMES[colour].toLowerCase()}`}
            aria-pressed={highlight ? highlight.colour === colour : undefined}
            title={COLOUR_NAMES[colour]}
            tabIndex={(highlight ? highlight.colour === colour : index === 0) ? 0 : -1}
            onClick={() => props.onColour(colour)}
          />
        ))}
      </div>
      <span className="highlight-popover-separator" aria-hidden="true" />
      <button type="button" className="highlight-popover-button" tabIndex={-1} onClick={props.onNote}>
        {highlight?.note ? 'Edit note' : 'Note'}
      </button>
      {highlight?.note && (
        <button type="button" className="highlight-popover-button" tabIndex={-1} onClick={props.onRemoveNote}>
          Remove note
        </button>
      )}
      <button type="button" className="highlight-popover-button" tabIndex={-1} onClick={props.onQuote}>
        Quote in note
      </button>
      {highlight && (
        <button type="button" className="highlight-popover-button danger" tabIndex={-1} onClick={props.onDelete}>
          Delete
        </button>
      )}
    </div>
  );
}
