/**
 * A resize handle on an image of the vault while it is selected (a click on the image
 * selects it). Dragging it changes the width live; releasing writes the width into the
 * image's source (`![[x.png|240]]`), one undoable edit. From the keyboard: with the image
 * selected (arrow onto it), Enter focuses the handle, a slider: the arrow keys change the
 * width by 10 px (Shift: 50), Home/End to the smallest and the text width, Enter or Escape
 * goes back to the text. Each change is announced as the slider's value.
 *
 * Mounted by ImagePlugin into the selected image's frame only (the image itself is plain
 * DOM, see imageElement); it sets the frame's width while dragging.
 */
import {
  type JSX,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  useLayoutEffect,
  useState,
} from 'react';

const MIN_WIDTH = 32;
const STEP = 10;
const BIG_STEP = 50;

interface Props {
  /** The image's frame (`.ed-image-resizable`), which the handle is rendered into. */
  frame: HTMLElement;
  /** The width written in the source, if any. */
  width: number | undefined;
  /** What the image shows (alt text or file name), for the handle's name. */
  label: string;
  onResize(width: number): void;
  /** Back to the text, the image still selected (Enter or Escape on the handle). */
  onDone(): void;
}

function measuredWidth(frame: HTMLElement): number | null {
  const image = frame.querySelector('img');
  return image ? Math.round(image.getBoundingClientRect().width) : null;
}

function showWidth(frame: HTMLElement, width: number | undefined): void {
  if (width === undefined) {
    delete frame.dataset.sized;
    frame.style.removeProperty('width');
  } else {
    frame.dataset.sized = 'true';
    frame.style.width = `${width}px`;
  }
}

export function ImageResizer({ frame, width, label, onResize, onDone }: Props): JSX.Element {
  // The width while dragging or stepping, before it is written.
  const [live, setLive] = useState<number | null>(null);
  // The width the image is shown at, measured when it is selected (for the slider's value).
  const [measured] = useState(() => measuredWidth(frame));
  const shown = live ?? width;

  // The frame shows the live width while dragging, and the written one otherwise.
  useLayoutEffect(() => showWidth(frame, shown), [frame, shown]);

  const maxWidth = () => {
    const content = frame.closest('.editor-content');
    return Math.max(MIN_WIDTH, Math.floor(content?.clientWidth ?? 2000) - 8);
  };
  const currentWidth = () => live ?? width ?? Math.round(frame.querySelector('img')?.clientWidth ?? 0);
  const clamp = (value: number) => Math.min(maxWidth(), Math.max(MIN_WIDTH, Math.round(value)));

  const commit = (value: number) => {
    setLive(null);
    if (value !== width) onResize(value);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLSpanElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    const handle = event.currentTarget;
    handle.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const start = currentWidth();
    let latest = start;
    const move = (moved: PointerEvent) => {
      latest = clamp(start + moved.clientX - startX);
      setLive(latest);
    };
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.removeEventListener('pointercancel', up);
      commit(latest);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
    handle.addEventListener('pointercancel', up);
  };

  const onKeyDown = (event: ReactKeyboardEvent<HTMLSpanElement>) => {
    // The handle's keys are its own, never the text's.
    event.stopPropagation();
    const step = event.shiftKey ? BIG_STEP : STEP;
    const keys: Record<string, () => number> = {
      ArrowRight: () => currentWidth() + step,
      ArrowUp: () => currentWidth() + step,
      ArrowLeft: () => currentWidth() - step,
      ArrowDown: () => currentWidth() - step,
      Home: () => MIN_WIDTH,
      End: () => maxWidth(),
    };
    if (keys[event.key]) {
      event.preventDefault();
      setLive(clamp(keys[event.key]!()));
      return;
    }
    if (event.key === 'Enter' || event.key === 'Escape') {
      event.preventDefault();
      if (live !== null) commit(live);
      onDone();
    }
  };

  const value = shown ?? measured;
  return (
    <span
      className="ed-image-handle"
      role="slider"
      tabIndex={0}
      aria-label={`Width of image ${label}`}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={2000}
      aria-valuenow={value ?? undefined}
      aria-valuetext={value !== null ? `${value} pixels wide` : 'natural width'}
      aria-orientation="horizontal"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onKeyUp={(event) => event.stopPropagation()}
      onBlur={() => live !== null && commit(live)}
    />
  );
}
