import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { ImportOptions } from '@shared/domain/packs';
import { GlossaryImportError } from '../glossary/GlossaryImportError';
import type { ParsedSource } from './DraftEntry';
import { hashSource } from './hashSource';
import { PackImportError } from './PackImportError';
import { listSourceFiles } from './sources/listSourceFiles';
import { isWebTextFile, readWebTextFolder } from './sources/readWebTextFolder';

/** A source read for import: what it holds, and the fingerprint of its bytes. */
export interface ReadSource {
  parsed: ParsedSource;
  hash: string;
  /** The file or folder name, as the pack's source. */
  name: string;
}

/**
 * Reads a file or folder to import as a reference pack, detecting its format unless
 * `options.format` says it. Nothing is written.
 *
 * @throws PackImportError with a message fit for the user when the path is missing, or the
 *   source cannot be read as a whole.
 */
export async function readPackSource(
  path: string,
  _options: ImportOptions = {},
  onProgress?: (done: number, total: number) => void,
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
    if (stat.isDirectory()) {
      const files = await listSourceFiles(path, isWebTextFile, { onFile: onProgress });
      return { parsed: readWebTextFolder(files, name), hash: hashSource(files), name };
    }
    throw new PackImportError(`${name}: this kind of file cannot be imported yet.`);
  } catch (error) {
    if (error instanceof GlossaryImportError) throw new PackImportError(error.message);
    throw error;
  }
}
