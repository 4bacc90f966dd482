import type { EditorHandle } from '../../editor/Editor';
import type { QuoteBlock } from '../../editor/quotes/insertQuote';
import type { NoteSessionEditor } from './NoteSession';

/**
 * Connects a NoteSession to the editor component showing the note. The editor attaches
 * itself through `attach` (a callback ref); until it has, the session sees the text the
 * note was opened with.
 */
export class EditorBridge implements NoteSessionEditor {
  private handle: EditorHandle | null = null;
  /**
   * The editor attached last. Its document outlives its view: when the note view closes,
   * React detaches the editor before the session's final flush runs, and that flush must
   * read the edits, not the text the note was opened with.
   */
  private last: EditorHandle | null = null;

  constructor(private readonly initialBody: string) {}

  /** A callback ref for the Editor component. */
  readonly attach = (handle: EditorHandle | null): void => {
    this.handle = handle;
    if (handle !== null) this.last = handle;
  };

  readBody(): string {
    return (this.handle ?? this.last)?.getMarkdown() ?? this.initialBody;
  }

  prepareBody(stop: () => boolean): Promise<void> {
    return this.handle?.prepareMarkdown?.(stop) ?? Promise.resolve();
  }

  hasPendingEdits(): boolean {
    return this.handle?.hasPendingEdits?.() ?? false;
  }

  replaceBody(body: string): void {
    this.handle?.setMarkdown(body);
  }

  applyBody(body: string): void {
    // Like readBody, the detached editor too: a merge read from it must land in it.
    const handle = this.handle ?? this.last;
    if (handle?.applyMarkdown) handle.applyMarkdown(body);
    else handle?.setMarkdown(body);
  }

  /** Inserts a quote at the caret; false when no editor is attached to take it or the note is read-only. */
  insertQuote(quote: QuoteBlock): boolean {
    return this.handle?.insertQuote?.(quote) ?? false;
  }

  focus(): void {
    this.handle?.focus();
  }
}
