import { isNotebookError } from '@shared/api/errors';
import type { NotebookApi } from '@shared/api/NotebookApi';
import type { Note, NoteSummary } from '@shared/domain/note';
import { splitFrontMatter } from '@shared/markdown/frontMatter';

/** Where the open note's edits stand, as the save indicator shows it. */
export type SaveState =
  | { kind: 'saved' }
  /** Edited; the autosave is waiting for typing to pause. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

export interface SessionSnapshot {
  path: string;
  save: SaveState;
  /** Set after a conflict: where the user's version was kept. */
  conflictCopy: string | null;
  /** Set when the note vanished from disk (deleted or renamed elsewhere) with no edits pending. */
  removedExternally: boolean;
  /** The note's summary after the latest successful save (null before the first). */
  lastSaved: NoteSummary | null;
}

/** What the session needs from the editor showing the note. */
export interface NoteSessionEditor {
  /** The editor's document as Markdown (the body, without front matter). */
  readBody(): string;
  /** Replaces the editor's document, e.g. after the file changed on disk. */
  replaceBody(body: string): void;
  /** True while the editor is still applying an edit (a large paste arrives in slices); `readBody` completes it. */
  hasPendingEdits?(): boolean;
  /**
   * Does the work of the next `readBody` ahead (serializing a long note), in slices that
   * give way to typing, until done or `stop()` returns true.
   */
  prepareBody?(stop: () => boolean): Promise<void>;
}

export interface NoteSessionOptions {
  /** How long typing must pause before an autosave. */
  autosaveDelayMs?: number;
}

/**
 * The life of one open note between the editor and the vault: autosave shortly after
 * typing stops, explicit flushes (note switch, blur, quit, end of composition), one save
 * in flight at a time, retry after a failure, and reactions to changes made on disk.
 *
 * The session never writes a note that was not edited: a save happens only after
 * `edited()` and only when the text differs from what is on disk. Front matter is not
 * part of the editor and is written back exactly as it was read.
 */
export class NoteSession {
  private path: string;
  private frontMatter: string;
  private diskContent: string;
  private version: string;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  /** A save was asked for (autosave or flush) and not started yet. */
  private saveAsked = false;
  /** A flush is waiting: saving goes on until no edit is left. */
  private untilClean = false;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<(snapshot: SessionSnapshot) => void>();
  private readonly delay: number;
  private disposed = false;

  constructor(
    private readonly api: NotebookApi,
    note: Note,
    private readonly editor: NoteSessionEditor,
    options: NoteSessionOptions = {},
  ) {
    this.path = note.path;
    this.diskContent = note.content;
    this.version = note.version;
    this.frontMatter = splitFrontMatter(note.content).frontMatter;
    this.delay = options.autosaveDelayMs ?? 600;
    this.snapshot = {
      path: note.path,
      save: { kind: 'saved' },
      conflictCopy: null,
      removedExternally: false,
      lastSaved: null,
    };
  }

  /** The body to show in the editor for a note's text. */
  static bodyOf(content: string): string {
    return splitFrontMatter(content).body;
  }

  get state(): SessionSnapshot {
    return this.snapshot;
  }

  /** True while there are edits that have not reached the file. */
  get hasUnsavedEdits(): boolean {
    return (
      this.dirty ||
      this.running !== null ||
      this.snapshot.save.kind === 'failed' ||
      this.editor.hasPendingEdits?.() === true
    );
  }

  subscribe(listener: (snapshot: SessionSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The user changed the document: schedule an autosave. */
  edited(): void {
    if (this.disposed) return;
    this.dirty = true;
    // Only a change of state is published: a new snapshot per keystroke would re-render the note view on every key.
    if (this.snapshot.save.kind === 'saved') this.update({ save: { kind: 'pending' } });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(false), this.delay);
  }

  /** Saves now if there are edits; resolves when the file holds them (or the save failed). */
  flush(): Promise<void> {
    return this.save(true);
  }

  /**
   * Starts a save of the current edits, or joins the one running. An autosave saves once:
   * keys typed while it runs re-arm the timer, so a long note is not saved again and again
   * while the user keeps typing. A flush goes on until every edit has reached the file.
   */
  private save(untilClean: boolean): Promise<void> {
    clearTimeout(this.timer);
    // An edit still being applied (the rest of a large paste) is an edit: reading the body completes it.
    if (this.editor.hasPendingEdits?.()) this.dirty = true;
    this.saveAsked = true;
    if (untilClean) this.untilClean = true;
    if (!this.running) {
      this.running = this.saveWhileDirty().finally(() => {
        this.running = null;
        this.saveAsked = false;
        this.untilClean = false;
      });
    }
    return this.running;
  }

  /** Tries a failed save again. */
  retry(): Promise<void> {
    this.dirty = true;
    return this.flush();
  }

  /** The note was renamed by the app: later saves go to the new path. */
  renamed(note: NoteSummary): void {
    this.path = note.path;
    this.update({ path: note.path });
  }

  dismissConflict(): void {
    this.update({ conflictCopy: null });
  }

  /**
   * Something changed the file outside the app. Without local edits the editor reloads
   * the new text; with edits, saving them against the old version makes the backend keep
   * them as a conflict copy, and the editor then shows the text on disk.
   */
  async changedOnDisk(version: string | undefined): Promise<void> {
    if (this.disposed || version === this.version) return;
    if (this.running) await this.running;
    if (version === this.version) return;
    if (this.dirty) {
      await this.flush();
      return;
    }
    try {
      const note = await this.api.readNote({ path: this.path });
      if (this.dirty || this.running) {
        // Keys were typed while the new text was on its way: they are saved first (against
        // the old version, so a conflict copy keeps them), then the editor shows the disk text.
        if (this.running) await this.running;
        if (this.dirty) await this.flush();
        return;
      }
      this.adopt(note);
    } catch (error) {
      if (isNotebookError(error) && error.code === 'not-found') this.update({ removedExternally: true });
    }
  }

  /** Events may have been missed (the event stream reconnected): compare with the disk. */
  async recheck(): Promise<void> {
    if (this.disposed) return;
    try {
      const note = await this.api.readNote({ path: this.path });
      if (note.version !== this.version) await this.changedOnDisk(note.version);
    } catch (error) {
      if (isNotebookError(error) && error.code === 'not-found') await this.removedFromDisk();
    }
  }

  /** The file is gone from disk (deleted or renamed outside the app). */
  async removedFromDisk(): Promise<void> {
    if (this.disposed) return;
    if (this.running) await this.running;
    // Pending edits are saved (re-creating the note) rather than lost; otherwise the note closes.
    if (this.dirty || this.snapshot.save.kind === 'failed') await this.flush();
    else this.update({ removedExternally: true });
  }

  /**
   * The text the file does not hold yet and the version it was based on (for a note closed
   * while its save was failing: opened again, it starts from this, see openSessions).
   */
  unsavedEdits(): { content: string; baseVersion: string } {
    return { content: this.frontMatter + this.editor.readBody(), baseVersion: this.version };
  }

  /** Saves what is pending and stops reacting to anything. */
  async dispose(): Promise<void> {
    await this.flush();
    this.disposed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  private async saveWhileDirty(): Promise<void> {
    while (this.dirty && (this.saveAsked || this.untilClean)) {
      // An autosave lets typing go on while the text is prepared; a flush cannot wait.
      if (!this.untilClean) await this.editor.prepareBody?.(() => this.untilClean);
      this.saveAsked = false;
      this.dirty = false;
      const content = this.frontMatter + this.editor.readBody();
      if (content === this.diskContent) continue;
      this.update({ save: { kind: 'saving' } });
      try {
        const result = await this.api.saveNote({ path: this.path, content, baseVersion: this.version });
        if (result.status === 'saved') {
          this.version = result.version;
          this.diskContent = content;
          this.update({ lastSaved: result.note });
        } else if (result.status === 'conflict') {
          const copyPath = await this.completeConflictCopy(result.conflictPath, content);
          // Our text is safe in the conflict copy; show what is on disk now (no await since
          // the copy was last compared with the editor, so no keystroke can fall in between).
          this.adopt(result.current);
          this.update({ conflictCopy: copyPath });
        }
      } catch (error) {
        this.dirty = true;
        this.update({ save: { kind: 'failed', message: messageOf(error) } });
        return;
      }
    }
    this.update({ save: this.dirty ? { kind: 'pending' } : { kind: 'saved' } });
  }

  /**
   * Keystrokes typed while a save that ended in a conflict was on its way are not in the
   * conflict copy: writes the editor's text into the copy until no key was typed during the
   * last write. Returns the copy's path (a new copy when someone changed this one meanwhile).
   */
  private async completeConflictCopy(copyPath: string, written: string): Promise<string> {
    // undefined: not read yet; null: the copy changed on disk, so the next write makes a new copy.
    let copyVersion: string | null | undefined;
    for (;;) {
      const latest = this.frontMatter + this.editor.readBody();
      if (latest === written) return copyPath;
      if (copyVersion === undefined) {
        const copy = await this.api.readNote({ path: copyPath });
        copyVersion = copy.content === written ? copy.version : null;
        continue;
      }
      const result = await this.api.saveNote({ path: copyPath, content: latest, baseVersion: copyVersion });
      if (result.status === 'saved') {
        copyVersion = result.version;
      } else if (result.status === 'conflict') {
        copyPath = result.conflictPath;
        copyVersion = undefined;
      }
      written = latest;
    }
  }

  private adopt(note: Note): void {
    this.diskContent = note.content;
    this.version = note.version;
    this.frontMatter = splitFrontMatter(note.content).frontMatter;
    this.dirty = false;
    this.editor.replaceBody(NoteSession.bodyOf(note.content));
    this.update({ save: { kind: 'saved' }, removedExternally: false });
  }

  private update(patch: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener(this.snapshot);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'The note could not be saved.';
}
