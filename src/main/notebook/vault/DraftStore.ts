import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { join } from 'node:path';
import { notePath, version } from '@shared/api/schemas';
import * as v from '@shared/api/validate';
import { MAX_NOTE_BYTES, type Draft } from '@shared/domain/note';
import { writeFileAtomic } from '../fs/writeFileAtomic';
import { FILE_CONCURRENCY } from '../fs/fileConcurrency';
import { ensureFolder, errorCode, type VaultFs } from '../fs/VaultFs';

const draftFile = v.object({
  path: notePath,
  content: v.string({ max: MAX_NOTE_BYTES, noControl: false }),
  baseVersion: v.nullable(version),
  savedAt: v.string({ min: 1, max: 40, pattern: /^\d{4}-\d\d-\d\dT[\d:.]+Z$/, patternName: 'an ISO date' }),
});

/**
 * Recovery copies of edits on their way to a note file: one JSON file per note path in
 * the vault's state folder (outside the vault), written atomically before a save touches
 * the note and removed once the note holds the text. What is left after a failed save or
 * a crash is offered back to the user (listDrafts).
 */
export class DraftStore {
  constructor(
    private readonly fs: VaultFs,
    /** The folder holding the drafts: `<vault state dir>/drafts`. */
    readonly dir: string,
  ) {}

  /** Writes (or replaces) the draft for `draft.path`. */
  async write(draft: Draft): Promise<void> {
    await ensureFolder(this.fs, this.dir);
    await writeFileAtomic(this.fileFor(draft.path), JSON.stringify(draft), { fs: this.fs, mode: 0o600 });
  }

  /** The draft for a note path, or null (none, or unreadable). */
  async read(path: string): Promise<Draft | null> {
    return this.load(this.fileFor(path));
  }

  /** Removes the draft for a note path; nothing happens when there is none. */
  async remove(path: string): Promise<void> {
    await this.fs.rm(this.fileFor(path), { force: true });
  }

  /**
   * Every readable draft, oldest first. A corrupt file is skipped and left in place for
   * inspection; a missing folder means no drafts.
   */
  async list(): Promise<Draft[]> {
    let names: string[];
    try {
      names = (await this.fs.readdir(this.dir))
        .filter((e) => e.isFile() && /^[0-9a-f]{32}\.json$/.test(e.name))
        .map((e) => e.name);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const loaded = await pLimit(FILE_CONCURRENCY).map(names, (name) => this.load(join(this.dir, name)));
    const drafts = loaded.filter((d): d is Draft => d !== null);
    return drafts.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  }

  /** The draft file for a note path (one per path, named by a hash so any title fits). */
  fileFor(path: string): string {
    return join(this.dir, `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.json`);
  }

  private async load(file: string): Promise<Draft | null> {
    try {
      const draft = draftFile(JSON.parse((await this.fs.readFile(file)).toString('utf8')), 'draft');
      // A draft filed under another path's name was not written by us: ignore it.
      return this.fileFor(draft.path) === file ? draft : null;
    } catch {
      return null;
    }
  }
}
