import type { ImportProblem } from '@shared/domain/packs';
import { buildEntry } from '../../glossary/buildEntry';
import { GlossaryImportError } from '../../glossary/GlossaryImportError';
import { MANIFEST_FILE_NAME, parseManifest } from '../../glossary/parseManifest';
import type { DraftEntry, ParsedSource } from '../DraftEntry';
import type { SourceFile } from './listSourceFiles';

/** Whether a folder's file belongs to a web-text source: the `.txt` pages and their manifest. */
export function isWebTextFile(name: string): boolean {
  return /\.txt$/i.test(name) || name === MANIFEST_FILE_NAME;
}

/**
 * Reads the web-page text format the shipped glossary comes from: a folder of `*.txt`
 * pages (a definition, an "Origin" and a "Mechanism" section, then page boilerplate, which
 * is dropped; see parseSource) and an optional `manifest.json` of editorial titles and
 * aliases (see parseManifest). Titles are derived from the definition ("The X Ratio is …").
 *
 * A page that cannot be read (no title, a missing section, boilerplate inside a section,
 * not text) is listed as a problem with its file name and the reason; the others are kept.
 *
 * @param files the folder's `.txt` files and manifest (see listSourceFiles), in path order.
 * @throws GlossaryImportError when the manifest is malformed or names a page that is not there,
 *   or when there is no page at all.
 */
export function readWebTextFolder(files: readonly SourceFile[], folderName: string): ParsedSource {
  const manifestFile = files.find((file) => file.path === MANIFEST_FILE_NAME);
  const manifest = manifestFile ? parseManifest(manifestFile.bytes.toString('utf8')) : new Map();
  const pages = files.filter((file) => /\.txt$/i.test(file.path) && !file.path.includes('/'));
  if (pages.length === 0) throw new GlossaryImportError(folderName, 'no .txt source files found');
  for (const name of manifest.keys()) {
    if (!pages.some((page) => page.path === name)) {
      throw new GlossaryImportError(MANIFEST_FILE_NAME, `lists "${name}", which is not a .txt source in ${folderName}`);
    }
  }
  const entries: DraftEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const page of pages) {
    try {
      const { title, aliases, definition, sections, editorialTitle } = buildEntry(
        page.path,
        page.bytes,
        manifest.get(page.path),
      );
      entries.push({ title, aliases, definition, sections, tags: [], source: page.path, editorialTitle });
    } catch (error) {
      if (!(error instanceof GlossaryImportError)) throw error;
      problems.push({ file: page.path, reason: error.problem });
    }
  }
  return {
    format: 'webtext',
    encoding: 'utf-8',
    encodingDetected: true,
    columns: [],
    entries,
    problems,
    suggestedName: folderName,
  };
}
