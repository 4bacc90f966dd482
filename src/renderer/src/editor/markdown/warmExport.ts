import type { LexicalEditor } from 'lexical';
import { $warmExportCache } from './exportMarkdown';

/** The longest a slice of warming runs where the browser cannot tell that input is waiting. */
export const WARM_SLICE_MS = 4;

/**
 * The longest a slice of warming runs where the browser can tell: input is not the only
 * thing waiting (frames, timers, answers from the backend), and a slice that ran until a
 * key came was a long task of its own (57 ms during an autosave of a 20,000-word note;
 * 850 ms for a 500 KB paste whose blocks were not warmed yet).
 */
export const WARM_SLICE_MAX_MS = 12;

interface Scheduling {
  isInputPending?(): boolean;
}

/**
 * The time one slice of warming may take, starting now: until input is waiting where the
 * browser can tell (Chromium), and at most WARM_SLICE_MAX_MS; else WARM_SLICE_MS. Returns
 * the check to make between blocks.
 */
export function sliceBudget(): () => boolean {
  const scheduling = (navigator as { scheduling?: Scheduling }).scheduling;
  if (typeof scheduling?.isInputPending === 'function') {
    const until = performance.now() + WARM_SLICE_MAX_MS;
    return () => performance.now() < until && !scheduling.isInputPending!();
  }
  const until = performance.now() + WARM_SLICE_MS;
  return () => performance.now() < until;
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
  let next = 0;
  while (!stop()) {
    const hasTime = sliceBudget();
    next = editor.getEditorState().read(() => $warmExportCache(next, hasTime), { editor });
    if (next < 0) return;
    await yieldToBrowser();
  }
}
