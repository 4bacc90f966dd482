import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  /** Accessible name, e.g. "Resize sidebar". */
  label: string;
  /** Current size of the pane this splitter resizes, in CSS pixels. */
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right grows the pane (a pane on the left), -1 for a pane on the right. */
  direction: 1 | -1;
  onChange(size: number): void;
  /** Called once a drag or key press has finished, to persist the size. */
  onCommit(size: number): void;
}

/**
 * A vertical separator between two panes, resizable by pointer drag or by keyboard
 * (arrows by 16 px, Shift+arrows by 64 px, Home/End to the limits), as the ARIA
 * window-splitter pattern describes.
 */
export function Splitter({ label, value, min, max, direction, onChange, onCommit }: SplitterProps) {
  const drag = useRef<{ startX: number; startValue: number; last: number } | null>(null);
  const clamp = (size: number) => Math.round(Math.min(max, Math.max(min, size)));

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startValue: value, last: value };
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!drag.current) return;
    const size = clamp(drag.current.startValue + direction * (event.clientX - drag.current.startX));
    drag.current.last = size;
    onChange(size);
  }
  function onPointerUp() {
    if (drag.current) onCommit(drag.current.last);
    drag.current = null;
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = event.shiftKey ? 64 : 16;
    let size: number;
    if (event.key === 'ArrowLeft') size = clamp(value - direction * step);
    else if (event.key === 'ArrowRight') size = clamp(value + direction * step);
    else if (event.key === 'Home') size = min;
    else if (event.key === 'End') size = max;
    else return;
    event.preventDefault();
    onChange(size);
    onCommit(size);
  }

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
