import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { buildEntry } from './buildEntry';
import { checkUniqueNames } from './checkUniqueNames';
import { compareEntryTitles } from './compareEntryTitles';
import { formatEntryFile, parseEntryFile } from './entryFile';
import { GlossaryImportError } from './GlossaryImportError';
import { MANIFEST_FILE_NAME, parseManifest, type SourceOverride } from './parseManifest';
import { replaceDirectory } from './replaceDirectory';

// Files an operating system drops into any folder it shows; they do not make a folder "someone else's".
const OS_LITTER = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Imports a reference pack: turns every `*.txt` source in `sourceDir` (with the optional
 * `manifest.json` beside them, see `parseManifest`) into a glossary entry file
 * `<outputDir>/<id>.md` (see `formatEntryFile`).
 *
 * All or nothing: every source is read, checked and rendered in memory first; only when all
 * succeeded is `outputDir` replaced as a whole by a folder holding exactly the new entries
 * (staged beside it, see `replaceDirectory`). On any error nothing is written and an existing
 * `outputDir` is left untouched. Nothing is ever written into `sourceDir`.
 *
 * Deterministic: sources are processed in file-name order and the same pack always gives
 * byte-identical files.
 *
 * @returns the imported entries, sorted by title like the glossary list.
 * @throws GlossaryImportError whose message names the file (or folder) and the problem: a source
 *   folder that is missing or holds no `.txt` file; a source that is empty, binary, not UTF-8,
 *   lacks its "Origin" or "Mechanism" section or has no title; two sources with the same
 *   title, id or alias; a malformed manifest or one naming a file that is not there; an output
 *   folder that is, contains or lies inside the source folder, or that already holds files that
 *   are not glossary entries (so a mistyped path cannot wipe unrelated files).
 */
export async function importGlossary(sourceDir: string, outputDir: string): Promise<{ entries: GlossaryEntry[] }> {
  const source = resolve(sourceDir);
  const output = resolve(outputDir);
  await checkFoldersApart(source, sourceDir, output, outputDir);

  const sourceNames = await listSources(source, sourceDir);
  const manifest = await readManifest(source);
  for (const name of manifest.keys()) {
    if (!sourceNames.includes(name)) {
      throw new GlossaryImportError(MANIFEST_FILE_NAME, `lists "${name}", which is not a .txt source in ${sourceDir}`);
    }
  }

  const entries: GlossaryEntry[] = [];
  for (const name of sourceNames) {
    entries.push(buildEntry(name, await fs.readFile(join(source, name)), manifest.get(name)));
  }
  checkUniqueNames(entries);

  const files = new Map<string, string>();
  for (const entry of entries) files.set(`${entry.id}.md`, renderEntry(entry));

  await checkReplaceable(output, outputDir);
  await replaceDirectory(output, new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))));
  return { entries: entries.sort(compareEntryTitles) };
}

function renderEntry(entry: GlossaryEntry): string {
  let text: string;
  try {
    text = formatEntryFile(entry);
  } catch (error) {
    throw new GlossaryImportError(entry.source, `cannot be written as an entry file: ${(error as Error).message}`);
  }
  // The app reads entries back with parseEntryFile: refuse to ship a file it would misread.
  let readBack: GlossaryEntry | undefined;
  try {
    readBack = parseEntryFile(text, `${entry.id}.md`);
  } catch {
    readBack = undefined;
  }
  if (!isDeepStrictEqual(readBack, entry)) {
    throw new GlossaryImportError(entry.source, 'its entry file would not read back as written');
  }
  return text;
}

async function checkFoldersApart(source: string, sourceLabel: string, output: string, outputLabel: string) {
  let stat;
  try {
    stat = await fs.stat(source);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new GlossaryImportError(sourceLabel, 'source folder not found');
    throw error;
  }
  if (!stat.isDirectory()) throw new GlossaryImportError(sourceLabel, 'is not a folder');

  const realSource = await realPathOfMaybeMissing(source);
  const realOutput = await realPathOfMaybeMissing(output);
  if (isSameOrInside(realOutput, realSource) || isSameOrInside(realSource, realOutput)) {
    throw new GlossaryImportError(
      outputLabel,
      `the output folder must be outside the source folder ${sourceLabel} (and not contain it): the sources are never modified`,
    );
  }
}

async function listSources(source: string, sourceLabel: string): Promise<string[]> {
  const names: string[] = [];
  for (const dirent of await fs.readdir(source, { withFileTypes: true })) {
    if (dirent.name.startsWith('.') || !/\.txt$/i.test(dirent.name)) continue;
    const isFile = dirent.isFile() || (dirent.isSymbolicLink() && (await fs.stat(join(source, dirent.name))).isFile());
    if (isFile) names.push(dirent.name);
  }
  if (names.length === 0) throw new GlossaryImportError(sourceLabel, 'no .txt source files found');
  // Code-unit order, not locale order: the same on every machine.
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function readManifest(source: string): Promise<Map<string, SourceOverride>> {
  let text: string;
  try {
    text = await fs.readFile(join(source, MANIFEST_FILE_NAME), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  return parseManifest(text);
}

/** Only a folder of glossary entries (or nothing) may be replaced wholesale. */
async function checkReplaceable(output: string, outputLabel: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(output);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (!stat.isDirectory()) throw new GlossaryImportError(outputLabel, 'exists and is not a folder');
  for (const dirent of await fs.readdir(output, { withFileTypes: true })) {
    if (OS_LITTER.has(dirent.name)) continue;
    let isEntry = dirent.isFile() && dirent.name.endsWith('.md');
    if (isEntry) {
      try {
        parseEntryFile(await fs.readFile(join(output, dirent.name), 'utf8'), dirent.name);
      } catch {
        isEntry = false;
      }
    }
    if (!isEntry) {
      throw new GlossaryImportError(
        outputLabel,
        `holds "${dirent.name}", which is not a glossary entry file; refusing to replace the folder (choose an empty or new output folder)`,
      );
    }
  }
}

async function realPathOfMaybeMissing(path: string): Promise<string> {
  try {
    return await fs.realpath(path);
  } catch (error) {
    const parent = dirname(path);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === path) return path;
    return join(await realPathOfMaybeMissing(parent), basename(path));
  }
}

function isSameOrInside(path: string, folder: string): boolean {
  // Case-insensitive file systems are the default on Windows and macOS.
  const fold = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);
  const [p, f] = [fold(path), fold(folder)];
  return p === f || p.startsWith(f.endsWith(sep) ? f : f + sep);
}
