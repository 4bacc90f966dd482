import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $addUpdateTag,
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_NORMAL,
  HISTORY_MERGE_TAG,
  type LexicalEditor,
  PASTE_COMMAND,
  PASTE_TAG,
  type RangeSelection,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
} from 'lexical';
import { useEffect } from 'react';
import { $insertClipboardDom, clipboardHtmlToImport, parseInertHtml } from '../clipboardHtml';
import { $insertPlainText } from '../insertPlainText';
import { $warmExportCache } from '../markdown/exportMarkdown';
import { PASTE_END_TAG, PASTE_MORE_TAG } from './ContentChangePlugin';

/** Pasted HTML or text longer than this is inserted in slices. */
export const LARGE_PASTE_CHARS = 100_000;

/** About how much of the paste (characters of text) one slice inserts. */
const SLICE_CHARS = 16_000;

/** A point of the document, kept between slices by node key. */
interface Point {
  key: string;
  offset: number;
  type: 'text' | 'element';
}

/** Plain text cut at line ends into pieces of about SLICE_CHARS (each later piece starts with its line end). */
export function splitPlainText(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SLICE_CHARS);
    if (end < text.length) {
      const newline = text.indexOf('\n', end);
      end = newline < 0 ? text.length : newline;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/**
 * The top-level nodes of parsed HTML (a parseInertHtml body) in fragments of about
 * SLICE_CHARS of text, each sanitized and imported when its slice is inserted. The
 * fragments are made by the body's own, inert document: moving pasted nodes into a node of
 * the page's document would adopt them there (images load, handlers are compiled).
 */
function groupHtml(body: HTMLElement): DocumentFragment[] {
  const groups: DocumentFragment[] = [];
  let group = body.ownerDocument.createDocumentFragment();
  let size = 0;
  for (const node of Array.from(body.childNodes)) {
    // Moved, not cloned: each node is inserted once.
    group.append(node);
    // Text is what costs (nodes, layout); each element counts a little on its own.
    size += (node.textContent?.length ?? 0) + 16;
    if (size >= SLICE_CHARS) {
      groups.push(group);
      group = body.ownerDocument.createDocumentFragment();
      size = 0;
    }
  }
  if (group.hasChildNodes()) groups.push(group);
  return groups;
}

function $insertHtml(editor: LexicalEditor, fragment: DocumentFragment): void {
  const selection = $getSelection();
  if (selection !== null) $insertClipboardDom(editor, fragment, selection);
}

function pointOf(selection: RangeSelection): Point {
  const { key, offset, type } = selection.focus;
  return { key, offset, type };
}

/** The index, among the root's children, of the top-level block holding `point` (null when gone). */
function $topLevelIndex(point: Point): number | null {
  const root = $getRoot();
  let node = $getNodeByKey(point.key);
  if (node === null || !node.isAttached()) return null;
  if (node.is(root)) return Math.max(0, Math.min(point.offset, root.getChildrenSize() - 1));
  for (let parent = node.getParent(); parent !== null && !parent.is(root); parent = parent.getParent()) {
    node = parent;
  }
  return node.getIndexWithinParent();
}

/** Puts the caret where the paste goes on (the end of the document if that place is gone). */
function $restore(point: Point): void {
  const node = $getNodeByKey(point.key);
  if (node === null || !node.isAttached()) {
    $getRoot().selectEnd();
    return;
  }
  const selection = $createRangeSelection();
  selection.anchor.set(point.key, point.offset, point.type);
  selection.focus.set(point.key, point.offset, point.type);
  $setSelection(selection);
}

/**
 * The slices of a large paste still to insert. Created by the editor's owner so that
 * saving can take them into account: `pending` says edits are on their way, and `finish`
 * inserts the rest at once (before the document is read for a save, say).
 */
export class SlicedPaste {
  private slices: Array<() => void> = [];
  private next = 0;
  private point: Point | null = null;
  private editor: LexicalEditor | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The first top-level block of the paste whose Markdown is not computed yet (see warm). */
  private warmFrom: number | null = null;

  /** True while slices of a paste are waiting to be inserted. */
  get pending(): boolean {
    return this.next < this.slices.length;
  }

  /** Inserts the first slice now (needs the paste's update context), the others in later tasks. */
  $start(editor: LexicalEditor, slices: Array<() => void>): void {
    // A paste while another is running: the first one is completed first.
    while (this.pending) this.$run();
    clearTimeout(this.timer);
    this.editor = editor;
    this.slices = slices;
    this.next = 0;
    this.point = null;
    const selection = $getSelection();
    this.warmFrom = $isRangeSelection(selection) ? $topLevelIndex(pointOf(selection)) : null;
    // In the paste's own update: a paste, its own undo step.
    $addUpdateTag(PASTE_TAG);
    this.$run();
    this.schedule();
  }

  /** Inserts every slice left, in one update. */
  finish(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending || this.editor === null) return;
    this.editor.update(
      () => {
        while (this.pending) this.$run();
      },
      { tag: [PASTE_MORE_TAG, HISTORY_MERGE_TAG], discrete: true },
    );
  }

  /** Stops: the slices left are dropped (the editor is going away). */
  dispose(): void {
    clearTimeout(this.timer);
    this.slices = [];
    this.next = 0;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = this.pending ? setTimeout(this.step, 0) : undefined;
  }

  private readonly step = (): void => {
    this.timer = undefined;
    if (!this.pending || this.editor === null) return;
    this.editor.update(() => this.$run(), { tag: [PASTE_MORE_TAG, HISTORY_MERGE_TAG], discrete: true });
    this.warm(this.editor);
    this.schedule();
  };

  /**
   * Computes the Markdown of the blocks pasted so far (the export cache), in the task of the
   * slice that completed them: saving the paste then serializes nothing, where warming them
   * all after the paste, between other work, held the save back by seconds on a busy
   * machine. The block holding the caret is left for the next slice, which goes on in it.
   */
  private warm(editor: LexicalEditor): void {
    const point = this.point;
    if (this.warmFrom === null || point === null) return;
    const from = this.warmFrom;
    this.warmFrom = editor.getEditorState().read(
      () => {
        const at = $topLevelIndex(point);
        if (at === null) return null;
        const to = this.pending ? at : at + 1;
        let left = to - from;
        if (left > 0) $warmExportCache(from, () => --left > 0);
        return Math.max(from, to);
      },
      { editor },
    );
  }

  /** Inserts the next slice where the previous one ended. */
  private $run(): void {
    const insert = this.slices[this.next++]!;
    if (this.point !== null && this.next > 1) $restore(this.point);
    insert();
    const selection = $getSelection();
    if ($isRangeSelection(selection)) this.point = pointOf(selection);
    // The caret goes to the end of the paste once, with the last slice: moving the page's
    // selection after every slice made the browser lay out and scroll to the newest text
    // each time (most of a 500 KB paste's time went there), for a caret nobody sees move.
    if (this.pending) {
      $addUpdateTag(SKIP_DOM_SELECTION_TAG);
      $addUpdateTag(SKIP_SCROLL_INTO_VIEW_TAG);
    } else {
      $addUpdateTag(PASTE_END_TAG);
    }
  }
}

/**
 * Pastes a large clipboard (more than LARGE_PASTE_CHARS of HTML or text) in slices, one
 * task each (`pastes`, a SlicedPaste), so the page stays responsive and no single task
 * holds the main thread: the first slice replaces the selection as a paste does; each
 * later one goes on where the previous ended. The slices make one undo step, each counts
 * as an edit (autosave), and HTML goes through the same inert parsing and sanitizing
 * (clipboardHtml, PasteSanitizerPlugin) as any paste: it never enters the page's document. Smaller pastes, Lexical's own clipboard format and
 * plain-text paste (Mod+Shift+V) are left to their usual handlers.
 */
export function LargePastePlugin({ pastes }: { pastes: SlicedPaste }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const offPaste = editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const data = 'clipboardData' in event ? event.clipboardData : null;
        if (data == null || data.types.includes('application/x-lexical-editor')) return false;
        const plain = data.getData('text/plain');
        const html = clipboardHtmlToImport(data, editor) ?? '';
        // As Lexical does: HTML first, unless it is the plain text itself.
        const useHtml = html !== '' && html !== plain;
        if ((useHtml ? html : plain).length <= LARGE_PASTE_CHARS) return false;
        if (!$isRangeSelection($getSelection())) return false;
        event.preventDefault();
        const slices: Array<() => void> = useHtml
          ? groupHtml(parseInertHtml(html)).map((fragment) => () => $insertHtml(editor, fragment))
          : splitPlainText(plain).map((piece) => () => $insertPlainText(piece));
        pastes.$start(editor, slices);
        return true;
      },
      COMMAND_PRIORITY_NORMAL,
    );
    return () => {
      offPaste();
      pastes.dispose();
    };
  }, [editor, pastes]);
  return null;
}
