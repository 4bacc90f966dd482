/**
 * A resize handle on an image of the vault while it is selected (a click on the image
 * selects it). Dragging it changes the width live; releasing writes the width into the
 * image's source (`![[x.png|240]]`), one undoable edit. From the keyboard: with the image
 * selected (arrow onto it), Enter focuses the handle, a slider: the arrow keys change the
 * width by 10 px (Shift: 50), Home/End to the smallest and the text width, Enter or Escape
 * goes back to the text. Each change is announced as the slider's value.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useNodeSelection } from '../nodes/useNodeSelection';
import { mergeRegister } from '@lexical/utils';
import { CLICK_COMMAND, COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND, KEY_TAB_COMMAND } from 'lexical';
import {
  type JSX,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

const MIN_WIDTH = 32;
const STEP = 10;
const BIG_STEP = 50;

interface Props {
  nodeKey: string;
  /** The width written in the source, if any. */
  width: number | undefined;
  /** What the image shows (alt text or file name), for the handle's name. */
  label: string;
  onResize(width: number): void;
  children: ReactNode;
}

export function ImageResizer({ nodeKey, width, label, onResize, children }: Props): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const [selected, setSelected, clearSelection] = useNodeSelection(nodeKey);
  const frameRef = useRef<HTMLSpanElement>(null);
  const handleRef = useRef<HTMLSpanElement>(null);
  // The width while dragging or stepping, before it is written.
  const [live, setLive] = useState<number | null>(null);
  // The width the image is shown at, measured when it is selected (for the slider's value).
  const [measured, setMeasured] = useState<number | null>(null);
  const shown = live ?? width;

  useLayoutEffect(() => {
    if (!selected) return;
    const image = frameRef.current?.querySelector('img');
    if (image) setMeasured(Math.round(image.getBoundingClientRect().width));
  }, [selected, live]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event) => {
            const image = frameRef.current?.querySelector('img');
            if (!image || event.target !== image) return false;
            if (!event.shiftKey) clearSelection();
            setSelected(true);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            if (!selected || !editor.isEditable()) return false;
            event?.preventDefault();
            handleRef.current?.focus();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            if (!selected || !editor.isEditable() || event.shiftKey) return false;
            event.preventDefault();
            handleRef.current?.focus();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, selected, setSelected, clearSelection],
  );

  const maxWidth = () => {
    const content = frameRef.current?.closest('.editor-content');
    return Math.max(MIN_WIDTH, Math.floor(content?.clientWidth ?? 2000) - 8);
  };
  const currentWidth = () => live ?? width ?? Math.round(frameRef.current?.querySelector('img')?.clientWidth ?? 0);
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
      editor.focus();
      setSelected(true);
    }
  };

  const showHandle = editable && (selected || live !== null);
  return (
    <span
      ref={frameRef}
      className="ed-image-resizable"
      data-selected={selected || undefined}
      data-sized={shown !== undefined || undefined}
      style={shown !== undefined ? { width: shown } : undefined}
    >
      {children}
      {editable && (
        <span
          ref={handleRef}
          className="ed-image-handle"
          role="slider"
          tabIndex={showHandle ? 0 : -1}
          hidden={!showHandle}
          aria-label={`Width of image ${label}`}
          aria-valuemin={MIN_WIDTH}
          aria-valuemax={2000}
          aria-valuenow={shown ?? measured ?? undefined}
          aria-valuetext={(shown ?? measured) !== null ? `${shown ?? measured} pixels wide` : 'natural width'}
          aria-orientation="horizontal"
          onPointerDown={onPointerDown}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => event.stopPropagation()}
          onBlur={() => live !== null && commit(live)}
        />
      )}
    </span>
  );
}
