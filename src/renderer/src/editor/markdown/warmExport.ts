import type { LexicalEditor } from 'lexical';
import { $warmExportCache } from './exportMarkdown';

/** The longest a slice of warming runs where the browser cannot tell that input is waiting. */
export const WARM_SLICE_MS = 4;

interface Scheduling {
  isInputPending?(): boolean;
}

/** True if the browser can tell whether input is waiting for the main thread (Chromium). */
export function canSeePendingInput(): boolean {
  return typeof (navigator as { scheduling?: Scheduling }).scheduling?.isInputPending === 'function';
}

/** True when a key press, click or other input is waiting for the main thread. */
export function inputPending(): boolean {
  return (navigator as { scheduling?: Scheduling }).scheduling?.isInputPending?.() === true;
}

/** Hands the main thread back to the browser: input and rendering waiting for it go first. */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Computes the Markdown of every block of the document that the next export needs
 * (`$warmExportCache`), in slices that end as soon as input is waiting (or after
 * WARM_SLICE_MS), handing the main thread back between them, until it is done or `stop()`
 * returns true. The export that follows then serializes only what changed meanwhile:
 * saving a long note whose blocks were never serialized does not freeze typing.
 */
export async function warmExportInSlices(editor: LexicalEditor, stop: () => boolean = () => false): Promise<void> {
  const seesInput = canSeePendingInput();
  let next = 0;
  while (!stop()) {
    const until = performance.now() + WARM_SLICE_MS;
    const hasTime = () => (seesInput ? !inputPending() : performance.now() < until);
    next = editor.getEditorState().read(() => $warmExportCache(next, hasTime), { editor });
    if (next < 0) return;
    await yieldToBrowser();
  }
}
