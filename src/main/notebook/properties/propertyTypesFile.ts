import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import type { PropertyTypesInfo } from '@shared/domain/propertyTypes';
import { PropertyTypesError, readPropertyTypes, setPropertyTypeIn } from '@shared/properties/propertyTypes';
import type { PropertyType } from '@shared/properties/readProperties';
import { writeFileAtomic } from '../fs/writeFileAtomic';

/** A types.json larger than this is not read (Obsidian's is a few KB). */
const MAX_TYPES_FILE = 1024 * 1024;

/**
 * The text of the vault's `.obsidian/types.json`, or null when there is none. A file that is
 * not a plain file inside the vault (a symbolic link, a folder) or too large is an error:
 * it is shown as unreadable and never written.
 */
async function readTypesFile(vaultPath: string): Promise<string | null> {
  const folder = join(vaultPath, '.obsidian');
  const file = join(folder, 'types.json');
  for (const [path, kind] of [
    [folder, 'folder'],
    [file, 'file'],
  ] as const) {
    const stat = await fs.lstat(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (stat === null) return null;
    if (stat.isSymbolicLink() || (kind === 'folder' ? !stat.isDirectory() : !stat.isFile())) {
      throw new PropertyTypesError(
        'Obsidian’s property types (.obsidian/types.json) are not a plain file of the vault: they are not used.',
      );
    }
    if (kind === 'file' && stat.size > MAX_TYPES_FILE) {
      throw new PropertyTypesError('Obsidian’s property types (.obsidian/types.json) are too large to read.');
    }
  }
  return fs.readFile(file, 'utf8');
}

/** The vault's property types (see NotebookApi.getPropertyTypes). Never throws for the file's content. */
export async function readVaultPropertyTypes(vaultPath: string): Promise<PropertyTypesInfo> {
  let text: string | null;
  try {
    text = await readTypesFile(vaultPath);
  } catch (error) {
    const message =
      error instanceof PropertyTypesError
        ? error.message
        : 'Obsidian’s property types (.obsidian/types.json) could not be read.';
    return { types: {}, problem: message };
  }
  const read = readPropertyTypes(text);
  return read.ok ? { types: read.types, problem: null } : { types: {}, problem: read.message };
}

/**
 * Sets `key`'s type in the vault's types.json (created with its folder when missing),
 * changing only that entry, atomically. Returns the types as they now are.
 * @throws invalid-arguments when types.json cannot be read or does not parse: it is kept as it is.
 */
export async function writeVaultPropertyType(
  vaultPath: string,
  key: string,
  type: PropertyType,
): Promise<PropertyTypesInfo> {
  let next: string;
  try {
    const text = await readTypesFile(vaultPath);
    next = setPropertyTypeIn(text, key, type);
  } catch (error) {
    if (error instanceof PropertyTypesError) throw new NotebookError('invalid-arguments', error.message);
    throw new NotebookError('io-failure', 'Obsidian’s property types (.obsidian/types.json) could not be read.');
  }
  try {
    await fs.mkdir(join(vaultPath, '.obsidian'), { recursive: true });
    await writeFileAtomic(join(vaultPath, '.obsidian', 'types.json'), next);
  } catch {
    throw new NotebookError('io-failure', 'Obsidian’s property types (.obsidian/types.json) could not be saved.');
  }
  return readVaultPropertyTypes(vaultPath);
}
