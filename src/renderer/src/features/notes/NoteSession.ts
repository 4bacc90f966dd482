import { isNotebookError } from '@shared/api/errors';
import type { NotebookApi } from '@shared/api/NotebookApi';
import type { Note, NoteSummary, SaveResult } from '@shared/domain/note';
import { splitFrontMatter } from '@shared/markdown/frontMatter';
import { mergeText } from '@shared/text/mergeText';

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
  /**
   * Set after an overlapping change: the note another program changed where the user was
   * editing. The user's version went on in a conflict copy beside it, which `path` now is.
   */
  forkedFrom: string | null;
  /** Set when the note vanished from disk (deleted or renamed elsewhere) with no edits pending. */
  removedExternally: boolean;
  /** The note's summary after the latest successful save (null before the first). */
  lastSaved: NoteSummary | null;
  /**
   * The note's front matter as the session will write it ('' for none): what the properties
   * panel shows. Changes when the user edits a property or an outside change is merged in.
   */
  frontMatter: string;
}

/** What the session needs from the editor showing the note. */
export interface NoteSessionEditor {
  /** The editor's document as Markdown (the body, without front matter). */
  readBody(): string;
  /** Replaces the editor's document (a reload: the caret goes to the start). */
  replaceBody(body: string): void;
  /**
   * Changes the editor's document into `body` as an edit of what it holds (a change on disk
   * merged in): the caret, the selection and the undo history stay. Without it, `replaceBody`.
   */
  applyBody?(body: string): void;
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
 * `edited()` (or after merging an outside change into edits) and only when the text
 * differs from what is on disk. Front matter is not part of the editor and is written back
 * exactly as it was read (or as an outside change merged in left it).
 *
 * Outside changes are merged, as Obsidian does: see `mergeIn` and `fork`, and the README's
 * "Your data is safe" section for what the user sees in each case.
 */
export class NoteSession {
  private path: string;
  private frontMatter: string;
  /** The file's text at `version`: what the editor's unsaved edits started from (the merge base). */
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
      forkedFrom: null,
      removedExternally: false,
      lastSaved: null,
      frontMatter: this.frontMatter,
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

  /**
   * The user changed the document: schedule an autosave, after the autosave delay (a pause
   * in typing), or at once (`complete`) for the end of an edit that arrived in slices (a
   * large paste): nothing more of it is coming, and its slices already took their time.
   */
  edited(change: { complete?: boolean } = {}): void {
    if (this.disposed) return;
    this.dirty = true;
    // Only a change of state is published: a new snapshot per keystroke would re-render the note view on every key.
    if (this.snapshot.save.kind === 'saved') this.update({ save: { kind: 'pending' } });
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(false), change.complete ? 0 : this.delay);
  }

  /**
   * The user edited the note's properties: the front matter becomes `frontMatter` (the body
   * is untouched) and is saved like any edit, by the autosave, merged with outside changes.
   */
  editFrontMatter(frontMatter: string): void {
    if (this.disposed || frontMatter === this.frontMatter) return;
    // With no front matter left, a body opening with `---` lines would read as front matter.
    if (frontMatter === '' && splitFrontMatter(this.editor.readBody()).frontMatter !== '') {
      const eol = this.frontMatter.includes('\r\n') ? '\r\n' : '\n';
      frontMatter = `---${eol}---${eol}`;
    }
    this.frontMatter = frontMatter;
    this.update({ frontMatter });
    this.edited();
  }

  /** Arms the autosave unless it is armed already (outside changes must not keep pushing it back). */
  private autosaveSoon(): void {
    if (this.snapshot.save.kind === 'saved') this.update({ save: { kind: 'pending' } });
    if (this.timer !== undefined) return;
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
    this.timer = undefined;
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
    this.update({ forkedFrom: null });
  }

  /**
   * Something changed the file outside the app (`path`: the note it changed, by default the
   * one open). The new text is merged into the editor right away (see mergeIn): without
   * local edits it simply shows; with edits that do not overlap it, both are kept and the
   * merge is autosaved; an overlapping change sends the edits to a conflict copy (one save
   * away, so the newest text on disk decides).
   */
  async changedOnDisk(version: string | undefined, path = this.path): Promise<void> {
    for (;;) {
      // A save on its way may meet this very change (and merge it): wait for it first.
      if (this.running) await this.running;
      if (this.disposed || path !== this.path || version === this.version) return;
      const seen = this.version;
      let note: Note;
      try {
        note = await this.api.readNote({ path: this.path });
      } catch (error) {
        if (isNotebookError(error) && error.code === 'not-found') await this.removedFromDisk();
        return;
      }
      if (this.disposed || path !== this.path) return;
      // A save ran meanwhile: what it found on disk may be newer than what was read.
      if (this.running || this.version !== seen) continue;
      if (note.version === this.version) return;
      if (this.mergeIn(note) === 'conflict') await this.save(false);
      return;
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
  unsavedEdits(): { content: string; baseVersion: string; baseContent: string } {
    return {
      content: this.frontMatter + this.editor.readBody(),
      baseVersion: this.version,
      baseContent: this.diskContent,
    };
  }

  /** Saves what is pending and stops reacting to anything. */
  async dispose(): Promise<void> {
    await this.flush();
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
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
        const result = await this.api.saveNote({
          path: this.path,
          content,
          baseVersion: this.version,
          ifChanged: 'report',
        });
        if (result.status === 'saved') {
          this.version = result.version;
          this.diskContent = content;
          this.update({ lastSaved: result.note });
        } else if (result.status === 'stale') {
          // Changed on disk since: merged into the editor, and the merge saved on the next turn.
          this.dirty = true;
          if (this.mergeIn(result.current) === 'conflict') await this.fork();
          else this.saveAsked = true;
        } else {
          // A file that cannot be merged (no longer UTF-8, too large): the backend copied our text.
          this.continueIn(result, content);
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
   * Brings `note` (the file as another program left it) into the editor. Synchronous, so no
   * keystroke falls between reading the editor and changing it. Three-way merge of the
   * version the edits started from (`diskContent`), the editor's text and the file's:
   * non-overlapping changes are all kept and the editor changes only where the file did
   * (caret and undo history stay); the merge becomes the new base and, if it holds edits
   * the file lacks, is autosaved. Returns 'conflict' when the changes overlap (or the file
   * cannot be merged): nothing changes then, and the next save makes the conflict copy.
   */
  private mergeIn(note: Note): 'merged' | 'conflict' {
    const edited = this.dirty || this.snapshot.save.kind === 'failed' || this.editor.hasPendingEdits?.() === true;
    const ours = this.frontMatter + this.editor.readBody();
    let text = note.content;
    if (edited) {
      if (note.readOnly) {
        this.dirty = true;
        return 'conflict';
      }
      const merged = mergeText(this.diskContent, ours, note.content);
      if (!merged.clean) {
        this.dirty = true;
        return 'conflict';
      }
      text = merged.text;
    }
    const { frontMatter, body } = splitFrontMatter(text);
    this.diskContent = note.content;
    this.version = note.version;
    if (frontMatter !== this.frontMatter) {
      this.frontMatter = frontMatter;
      this.update({ frontMatter });
    }
    if (text !== ours) {
      if (this.editor.applyBody) this.editor.applyBody(body);
      else this.editor.replaceBody(body);
    }
    this.dirty = text !== note.content;
    if (this.dirty) this.autosaveSoon();
    else if (this.snapshot.save.kind === 'pending') {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.update({ save: { kind: 'saved' } });
    }
    if (this.snapshot.removedExternally) this.update({ removedExternally: false });
    return 'merged';
  }

  /**
   * The user's edits and the change on disk overlap: the edits are saved as a conflict copy
   * beside the note, and the editor goes on in that copy, so whatever else happens to the
   * original (a sync tool rewriting it again and again) the user's typing lands in this one
   * copy, whole. Keys typed while it is written are saved into it by the next save.
   */
  private async fork(): Promise<void> {
    const content = this.frontMatter + this.editor.readBody();
    // Keys typed while the copy is written make it dirty again (and arm the autosave).
    this.dirty = false;
    const result = await this.api.saveNote({ path: this.path, content, baseVersion: this.version });
    if (result.status === 'saved') {
      // The file went back to the version the edits started from: they were simply saved.
      this.version = result.version;
      this.diskContent = content;
      this.update({ lastSaved: result.note });
    } else if (result.status === 'conflict') {
      this.continueIn(result, content);
    }
  }

  private continueIn(result: Extract<SaveResult, { status: 'conflict' }>, content: string): void {
    const original = this.path;
    this.path = result.conflictPath;
    this.version = result.conflictVersion;
    this.diskContent = content;
    this.update({ path: this.path, forkedFrom: original, lastSaved: result.conflictNote, removedExternally: false });
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
