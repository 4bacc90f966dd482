import type { Note } from '@shared/domain/note';

/** Default budget: characters of note text held for readers that have not taken it yet. */
const DEFAULT_BUDGET_CHARS = 16 * 1024 * 1024;

interface Held {
  note: Note;
  /** Readers that still have to take this version. */
  waiting: Set<symbol>;
}

/**
 * The texts the vault has just read or written, held for the indexes that follow its
 * changes (the link index, search), so each note version is read from disk once, not
 * once more by every index: a first start reads each note once and hands its text to
 * both; a save hands the text it wrote.
 *
 * A reader registers (`register`) and takes a version once (`take`); a text is dropped
 * as soon as every reader registered when it was put took it, when a newer version of the
 * note replaces it, when the note is forgotten, or, oldest first, when the texts held
 * exceed the budget (a reader that fell behind then reads the file, as before). With no
 * reader registered nothing is held.
 */
export class NoteTextHandoff {
  private readonly held = new Map<string, Held>();
  private readonly readers = new Set<symbol>();
  private chars = 0;

  constructor(private readonly budgetChars = DEFAULT_BUDGET_CHARS) {}

  /** Characters of text held now (tests and diagnostics). */
  get heldChars(): number {
    return this.chars;
  }

  /** A new reader: texts put from now on wait for it to take them. */
  register(): symbol {
    const reader = Symbol('note text reader');
    this.readers.add(reader);
    return reader;
  }

  /** Stops holding texts for `reader`; texts only it still wanted are dropped. */
  unregister(reader: symbol): void {
    if (!this.readers.delete(reader)) return;
    for (const [path, held] of this.held) {
      held.waiting.delete(reader);
      if (held.waiting.size === 0) this.drop(path);
    }
  }

  /** Holds `note` (its text at `note.version`) for the registered readers, replacing any other version of it. */
  put(path: string, note: Note): void {
    this.drop(path);
    if (this.readers.size === 0 || note.readOnly || note.content.length > this.budgetChars) return;
    this.held.set(path, { note, waiting: new Set(this.readers) });
    this.chars += note.content.length;
    for (const [oldest] of this.held) {
      if (this.chars <= this.budgetChars) break;
      this.drop(oldest);
    }
  }

  /**
   * The note at `version` if it is held and `reader` has not taken it yet, else null (the
   * caller reads the file). A copy: callers may keep or change it.
   */
  take(reader: symbol, path: string, version: string): Note | null {
    const held = this.held.get(path);
    if (!held || held.note.version !== version || !held.waiting.delete(reader)) return null;
    if (held.waiting.size === 0) this.drop(path);
    return { ...held.note, aliases: [...held.note.aliases], tags: [...held.note.tags] };
  }

  /** Drops whatever is held for `path`. */
  drop(path: string): void {
    const held = this.held.get(path);
    if (!held) return;
    this.held.delete(path);
    this.chars -= held.note.content.length;
  }
}
