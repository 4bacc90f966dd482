import { $getEditor, CLEAR_HISTORY_COMMAND, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { $startImportMarkdown, type MarkdownLoad } from './markdown';
import { LOAD_MORE_TAG } from './plugins/ContentChangePlugin';
import { $unwrapDisallowedLinks } from './plugins/LinkGuardPlugin';

/**
 * Markdown loaded at once when a document is loaded (with the editor, or when replaced):
 * a note this short (~10,000 words) is in the editor before its first paint, as if it
 * were loaded in one piece.
 */
export const FIRST_SLICE_CHARS = 32 * 1024;

/**
 * What an image, embed or formula counts for, in characters, against FIRST_SLICE_CHARS:
 * each becomes a view of its own (a picture to find and decode, a formula to typeset) that
 * costs as much as a page of text. A note full of them loads a first screen at once, the
 * rest in slices.
 */
export const EMBED_WEIGHT_CHARS = 1500;

/** About how many images, embeds and formulas `text` holds (`![`, and `$` pairs). */
function embedsIn(text: string): number {
  return (text.match(/!\[/g)?.length ?? 0) + Math.floor((text.match(/\$/g)?.length ?? 0) / 2);
}

/**
 * A note longer than this loads nothing at once: even finding where its blocks are is a
 * few dozen milliseconds, which would add to the work of showing the editor in one task.
 * It appears a moment later, slice by slice.
 */
export const DEFERRED_LOAD_CHARS = 512 * 1024;

/**
 * What a later slice should take in all: parsing and creating nodes, then Lexical's
 * transforms and rendering of them, which cost more as the document grows. The time given
 * to parsing is adjusted after each slice to keep to it.
 */
const SLICE_TARGET_MS = 30;

/**
 * How much of a note is read to tell how rich it is (images, embeds and formulas per
 * character), which sizes its slices: see `richness`.
 */
const RICHNESS_SAMPLE_CHARS = 64 * 1024;

/**
 * How many times its own length a note weighs once each image, embed and formula counts as
 * EMBED_WEIGHT_CHARS (1 for plain text). Making the nodes of a rich note is cheap beside
 * what follows in the same slice (their elements, images and formulas put in the page), so
 * the time a slice may spend making nodes is divided by this: otherwise the first slices,
 * sized before the loader has measured any, take several times their target.
 */
export function richness(markdown: string): number {
  const sample = markdown.slice(0, RICHNESS_SAMPLE_CHARS);
  if (sample.length === 0) return 1;
  return Math.min(8, 1 + (embedsIn(sample) * EMBED_WEIGHT_CHARS) / sample.length);
}

/**
 * Loads a note into the editor without holding the main thread: the first part at once
 * (`$load`, in the update that replaces the document; nothing for a very long note, see
 * DEFERRED_LOAD_CHARS), then, once the editor is attached,
 * the rest a slice at a time in later tasks, so a long note shows its beginning at once
 * and the page stays responsive while the rest arrives. While a load is running, the
 * editor must be kept read-only and `pendingMarkdown` stands for its content (the document
 * holds only the first part); the slices are tagged `LOAD_MORE_TAG` and
 * `HISTORY_MERGE_TAG` (not the user's edits, no undo steps), and the undo history is
 * cleared when the load ends.
 */
export class DocumentLoader {
  /**
   * The load running in each editor. By editor, not one field: under React's StrictMode
   * the composer may create an editor twice and keep the first, so the load to continue
   * is the one made for the editor attached.
   */
  private readonly loads = new WeakMap<LexicalEditor, MarkdownLoad>();
  /** The load made last, for the time before an editor is attached. */
  private latest: MarkdownLoad | null = null;
  private editor: LexicalEditor | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  /** Time the next slice may spend parsing and creating nodes. */
  private budget = SLICE_TARGET_MS / 3;
  /** The most the budget may grow to for the note being loaded (less for a rich note, see `richness`). */
  private ceiling = SLICE_TARGET_MS;
  /** What the listeners were last told. */
  private notified = false;

  /**
   * Replaces the document with `markdown`: as much as FIRST_SLICE_CHARS now, the rest in
   * later tasks. Needs an update context.
   */
  $load(markdown: string): void {
    const load = $startImportMarkdown(markdown);
    let counted = 0;
    let embeds = 0;
    const hasRoom = () => {
      const to = load.parsedTo;
      if (to > counted) embeds += embedsIn(markdown.slice(counted, to));
      counted = Math.max(counted, to);
      return to + embeds * EMBED_WEIGHT_CHARS < FIRST_SLICE_CHARS;
    };
    const done = markdown.length <= DEFERRED_LOAD_CHARS && load.$continue(hasRoom);
    if (!done) {
      const weight = richness(markdown);
      this.ceiling = SLICE_TARGET_MS / weight;
      // Prose (weight 1) keeps the budget it had, as before.
      if (weight > 1) this.budget = Math.min(SLICE_TARGET_MS / 3 / weight, this.budget);
    }
    // Transforms registered by plugins have not run on the first load yet: enforce the
    // link policy here so no disallowed link is ever in the document.
    $unwrapDisallowedLinks();
    const editor = $getEditor();
    if (done) this.loads.delete(editor);
    else this.loads.set(editor, load);
    this.latest = done ? null : load;
    this.changed();
  }

  /** The text being loaded, or null when the editor holds its whole document. */
  get pendingMarkdown(): string | null {
    return this.current()?.markdown ?? null;
  }

  /** True while the rest of a document is being loaded (a snapshot for useSyncExternalStore). */
  readonly isLoading = (): boolean => this.current() !== null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The editor to load into (null to stop loading, e.g. on unmount). */
  attach(editor: LexicalEditor | null): void {
    this.editor = editor;
    this.changed();
  }

  private current(): MarkdownLoad | null {
    return this.editor === null ? this.latest : (this.loads.get(this.editor) ?? null);
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = this.editor && this.current() ? setTimeout(this.slice, 0) : undefined;
    const loading = this.isLoading();
    if (loading === this.notified) return;
    this.notified = loading;
    for (const listener of [...this.listeners]) listener();
  }

  private readonly slice = (): void => {
    const editor = this.editor;
    const load = this.current();
    if (!editor || !load) return;
    const started = performance.now();
    const budget = this.budget;
    let done = false;
    editor.update(
      () => {
        done = load.$continue(() => performance.now() - started < budget);
      },
      { tag: [LOAD_MORE_TAG, HISTORY_MERGE_TAG], discrete: true },
    );
    // The views of the new nodes (React's decorators) are rendered in a microtask after the
    // update, in the same task: the slice is measured once they are.
    queueMicrotask(() => {
      const took = performance.now() - started;
      // In a rich note it grows at most twice per slice: a slice of prose says little of the next.
      const growth = SLICE_TARGET_MS / Math.max(1, took);
      const next = budget * (this.ceiling < SLICE_TARGET_MS ? Math.min(2, growth) : growth);
      this.budget = Math.min(this.ceiling, Math.max(2, next));
      // Replaced meanwhile (setMarkdown) or detached: that load has its own course.
      if (this.current() !== load || this.editor !== editor) return;
      if (!done) {
        this.timer = setTimeout(this.slice, 0);
        return;
      }
      // Undo never goes back to a document that was partly loaded.
      editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
      this.loads.delete(editor);
      if (this.latest === load) this.latest = null;
      this.changed();
    });
  };
}
