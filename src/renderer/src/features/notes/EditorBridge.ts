import type { EditorHandle } from '../../editor/Editor';
import type { NoteSessionEditor } from './NoteSession';

/**
 * Connects a NoteSession to the editor component showing the note. The editor attaches
 * itself through `attach` (a callback ref); until it has, the session sees the text the
 * note was opened with.
 */
export class EditorBridge implements NoteSessionEditor {
  private handle: EditorHandle | null = null;

  constructor(private readonly initialBody: string) {}

  /** A callback ref for the Editor component. */
  readonly attach = (handle: EditorHandle | null): void => {
    this.handle = handle;
  };

  readBody(): string {
    return this.handle?.getMarkdown() ?? this.initialBody;
  }

  replaceBody(body: string): void {
    this.handle?.setMarkdown(body);
  }

  focus(): void {
    this.handle?.focus();
  }
}
