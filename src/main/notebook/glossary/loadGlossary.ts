import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { FILE_CONCURRENCY } from '../fs/fileConcurrency';
import { compareEntryTitles } from './compareEntryTitles';
import { MalformedEntryError, parseEntryFile } from './entryFile';

/**
 * Reads the glossary: every `*.md` file directly in `dir` is one entry (see `parseEntryFile`);
 * other files are ignored.
 *
 * @returns the entries sorted by title, case-insensitively (see `compareEntryTitles`).
 * @throws Error when `dir` cannot be read (its message names the folder), or MalformedEntryError,
 *   naming the file's path, when an entry file is malformed or its `id` differs from its file
 *   name (`<id>.md`). Files are checked in name order, so the same broken folder always
 *   reports the same file.
 */
export async function loadGlossary(dir: string): Promise<GlossaryEntry[]> {
  let names: string[];
  try {
    const dirents = await fs.readdir(dir, { withFileTypes: true });
    names = dirents.filter((d) => d.isFile() && d.name.endsWith('.md')).map((d) => d.name);
  } catch (error) {
    throw new Error(`Cannot read the glossary folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Bounded: 100,000 entry files read at once would exhaust the process's file descriptors.
  const texts = await pLimit(FILE_CONCURRENCY).map(names, (name) => fs.readFile(join(dir, name), 'utf8'));

  const entries = names.map((name, index) => {
    const path = join(dir, name);
    const entry = parseEntryFile(texts[index] ?? '', path);
    if (`${entry.id}.md` !== name) {
      throw new MalformedEntryError(
        path,
        `its id "${entry.id}" does not match the file name (expected "${entry.id}.md")`,
      );
    }
    return entry;
  });
  return entries.sort(compareEntryTitles);
}
