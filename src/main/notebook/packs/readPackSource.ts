import { promises as fs } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ImportOptions, PackFormat } from '@shared/domain/packs';
import { GlossaryImportError } from '../glossary/GlossaryImportError';
import type { ParsedSource } from './DraftEntry';
import { hashSource } from './hashSource';
import { PackImportError } from './PackImportError';
import { decodeSource } from './sources/decodeSource';
import { findSourceFiles, readSourceFiles, type SourceFile } from './sources/listSourceFiles';
import { isMarkdownFile, readMarkdownFolder } from './sources/readMarkdownFolder';
import { readQuizlet } from './sources/readQuizlet';
import { readTable } from './sources/readTable';
import { isWebTextFile, readWebTextFolder } from './sources/readWebTextFolder';
import { parseSeparator } from './sources/separators';

/** A source read for import: what it holds, and the fingerprint of its bytes. */
export interface ReadSource {
  parsed: ParsedSource;
  hash: string;
  /** The file or folder name, as the pack's source. */
  name: string;
}

/** Progress while a source is read: files read (folders), then bytes parsed (tables). */
export type ReadProgress = (phase: 'reading' | 'parsing', done: number, total: number) => void;

/** Larger files are refused rather than read into memory: no real word list comes near. */
export const MAX_SOURCE_BYTES = 512 * 1024 * 1024;
const ANKI_HEADER = /^#(?:separator|html|columns|notetype|deck|tags|guid)[a-z ]*:/i;

/**
 * Reads a file or folder to import as a reference pack. Nothing is written.
 *
 * The format is `options.format`, else detected: a folder holding Markdown files is a
 * Markdown folder, one holding `.txt` pages the web-page text format; a file starting with
 * Anki's `#separator:`/`#html:`/`#columns:` headers is an Anki export, `.csv` CSV, `.tsv`
 * TSV, `.md` a single Markdown entry, a `.txt` page with "Origin" and "Mechanism" lines web
 * text; any other text is a table whose separator is detected (a Quizlet export with tabs
 * reads as TSV; choose `quizlet` for its custom separators). The encoding is detected unless
 * given (see decodeSource).
 *
 * @throws PackImportError with a message fit for the user when the path is missing or too
 *   large, the options do not fit the source, or the source cannot be read as a whole (not
 *   text, empty, an unclosed quote, no file of the expected kind).
 */
export async function readPackSource(
  path: string,
  options: ImportOptions = {},
  onProgress?: ReadProgress,
): Promise<ReadSource> {
  const name = basename(path);
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PackImportError(`${path} does not exist.`);
    throw new PackImportError(`${path} cannot be read: ${(error as Error).message}`);
  }
  try {
    if (stat.isDirectory()) return await readFolder(path, name, options, onProgress);
    if (!stat.isFile()) throw new PackImportError(`${name} is neither a file nor a folder.`);
    if (stat.size > MAX_SOURCE_BYTES) {
      throw new PackImportError(
        `${name} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB; split it into several packs.`,
      );
    }
    const file: SourceFile = { path: name, bytes: await fs.readFile(path) };
    onProgress?.('reading', 1, 1);
    return { parsed: await readFile(file, options, onProgress), hash: hashSource([file]), name };
  } catch (error) {
    if (error instanceof GlossaryImportError) throw new PackImportError(error.message);
    if ((error as NodeJS.ErrnoException).code !== undefined && !(error instanceof PackImportError)) {
      throw new PackImportError(`${name} cannot be read: ${(error as Error).message}`);
    }
    throw error;
  }
}

async function readFolder(
  path: string,
  name: string,
  options: ImportOptions,
  onProgress?: ReadProgress,
): Promise<ReadSource> {
  let format = options.format;
  if (format !== undefined && format !== 'markdown' && format !== 'webtext') {
    throw new PackImportError(
      `${name} is a folder: a folder is imported as Markdown files or web-page texts; choose a file for ${format.toUpperCase()}.`,
    );
  }
  const markdown = format === 'webtext' ? [] : await findSourceFiles(path, isMarkdownFile, true);
  format ??= markdown.length > 0 ? 'markdown' : 'webtext';
  const paths = format === 'markdown' ? markdown : await findSourceFiles(path, isWebTextFile);
  if (paths.length === 0) {
    throw new PackImportError(
      format === 'markdown'
        ? `${name}: no Markdown (.md) files found.`
        : `${name}: no Markdown (.md) or text (.txt) files found.`,
    );
  }
  const files = await readSourceFiles(path, paths, (done, total) => onProgress?.('reading', done, total));
  const parsed =
    format === 'markdown' ? readMarkdownFolder(files, name, options.encoding) : readWebTextFolder(files, name);
  return { parsed, hash: hashSource(files), name };
}

async function readFile(file: SourceFile, options: ImportOptions, onProgress?: ReadProgress): Promise<ParsedSource> {
  const name = file.path;
  const extension = extname(name).toLowerCase();
  if (
    options.format === 'markdown' ||
    (options.format === undefined && (extension === '.md' || extension === '.markdown'))
  ) {
    return readMarkdownFolder([file], name.replace(/\.[^.]+$/, ''), options.encoding);
  }
  if (options.format === 'webtext') return readWebTextFolder([file], name.replace(/\.[^.]+$/, ''));
  const decoded = decodeSource(file.bytes, name, options.encoding);
  const format: PackFormat = options.format ?? detectFormat(decoded.text, extension);
  if (format === 'webtext') return readWebTextFolder([file], name.replace(/\.[^.]+$/, ''));
  if (format === 'quizlet') {
    return readQuizlet(decoded, {
      fileName: name,
      separator: options.separator === undefined ? undefined : parseSeparator(options.separator, 'separator', true),
      rowSeparator:
        options.rowSeparator === undefined ? undefined : parseSeparator(options.rowSeparator, 'row separator', true),
    });
  }
  if (options.rowSeparator !== undefined) {
    throw new PackImportError('A row separator can only be chosen for Quizlet exports.');
  }
  return readTable(decoded, {
    fileName: name,
    format: format === 'markdown' ? 'csv' : format,
    separator: options.separator === undefined ? undefined : parseSeparator(options.separator, 'separator'),
    onProgress: (done, total) => onProgress?.('parsing', done, total),
  });
}

function detectFormat(text: string, extension: string): PackFormat {
  if (ANKI_HEADER.test(text)) return 'anki';
  if (extension === '.csv') return 'csv';
  if (extension === '.tsv' || extension === '.tab') return 'tsv';
  if (!text.includes('\t') && /^origin[ \t]*$/im.test(text) && /^mechanism[ \t]*$/im.test(text)) return 'webtext';
  return text.includes('\t') ? 'tsv' : 'csv';
}
