import { analyzeNote } from '@shared/markdown/analyzeNote';
import type { NoteModel } from '@shared/markdown/noteModel';

/** Default budget: characters of note text whose models are kept (about 2 bytes each, plus the model). */
const DEFAULT_BUDGET = 8 * 1024 * 1024;

/**
 * The note models of one vault, by path and version: each version of a note is analysed
 * once (see analyzeNote), whichever feature asks first (the link index on a save, then
 * backlink contexts, mentions, previews, search snippets take the same record). A model
 * is valid only for the exact text it came from, so an entry of another version is never
 * served. Least recently used notes go first once the text held exceeds the budget.
 */
export class NoteModelCache {
  private readonly notes = new Map<string, { version: string; model: NoteModel }>();
  private size = 0;

  constructor(private readonly budget = DEFAULT_BUDGET) {}

  /** The model of `text`, the content of `path` at `version`: cached, or analysed now. */
  get(path: string, version: string, text: string): NoteModel {
    const entry = this.notes.get(path);
    if (entry && entry.version === version && entry.model.text.length === text.length) {
      this.notes.delete(path);
      this.notes.set(path, entry);
      return entry.model;
    }
    const model = analyzeNote(text);
    this.delete(path);
    // A note larger than the whole budget is analysed but not kept.
    if (text.length > this.budget) return model;
    this.notes.set(path, { version, model });
    this.size += text.length;
    for (const [oldest, old] of this.notes) {
      if (this.size <= this.budget || oldest === path) break;
      this.notes.delete(oldest);
      this.size -= old.model.text.length;
    }
    return model;
  }

  delete(path: string): void {
    const entry = this.notes.get(path);
    if (!entry) return;
    this.notes.delete(path);
    this.size -= entry.model.text.length;
  }
}
