import { isAbsolute, join, relative, sep } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { errorCode, type VaultFs } from '../fs/VaultFs';

/** Where a vault-relative path lands on disk, after every symbolic link is resolved. */
export interface ResolvedFile {
  /** The real absolute path of the file (or where it will be created). */
  abs: string;
  /** Whether a file exists there now. */
  exists: boolean;
}

/**
 * True when `child` is `parent` or inside it. Both must be absolute and normalised
 * (real paths are).
 */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Maps the vault-relative paths of the contract (already checked syntactically by
 * schemas.notePath: no "..", not absolute, no hidden parts) to real paths on disk, and
 * refuses any whose real location is outside the vault, which only a symbolic link can
 * cause. Nothing outside the vault is read or written through this class: reads check
 * the file's real path, writes check the real path of the folder before anything is
 * created in it, one folder level at a time.
 *
 * `protectedDirs` (the glossary, the app's state folder) are refused for writes even
 * when they sit inside the vault.
 */
export class VaultPaths {
  constructor(
    private readonly fs: VaultFs,
    /** The vault folder as configured (absolute). */
    readonly vaultPath: string,
    private readonly protectedDirs: readonly string[] = [],
  ) {}

  /**
   * The vault's real path.
   * @throws NotebookError io-failure when the vault folder is gone.
   */
  async root(): Promise<string> {
    try {
      const real = await this.fs.realpath(this.vaultPath);
      if (!(await this.fs.stat(real)).isDirectory())
        throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      return real;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') {
        throw new NotebookError(
          'io-failure',
          `The vault folder ${this.vaultPath} is gone (moved, deleted, or on a drive that was disconnected).`,
        );
      }
      throw error;
    }
  }

  /**
   * The real path of an existing note file, for reading.
   * @throws not-found when there is no such file; invalid-arguments when a symbolic link
   *   leads outside the vault.
   */
  async forRead(path: string): Promise<string> {
    const root = await this.root();
    const abs = join(root, ...path.split('/'));
    let real: string;
    try {
      real = await this.fs.realpath(abs);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ELOOP') throw symlinkLoop(path);
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        // A link to nowhere is as good as missing, but say so if it is one.
        if (await this.isLink(abs)) throw outside(path);
        throw notFound(path);
      }
      throw error;
    }
    if (!isInside(root, real)) throw outside(path);
    const stats = await this.fs.stat(real);
    if (!stats.isFile()) throw notFound(path);
    return real;
  }

  /**
   * Where to write a note: the real path of the file if it exists, else the path in its
   * real folder. With `createFolders`, missing folders are created one level at a time,
   * each checked to be inside the vault before the next is made.
   *
   * @throws invalid-arguments when a symbolic link leads outside the vault or a folder
   *   on the way is a file; read-only for the glossary or the app's state folder;
   *   not-found for a missing folder without `createFolders`.
   */
  async forWrite(path: string, options: { createFolders: boolean }): Promise<ResolvedFile> {
    const root = await this.root();
    const parts = path.split('/');
    const name = parts.pop() as string;
    const folder = await this.folder(root, parts, path, options.createFolders);
    const candidate = join(folder, name);
    let abs = candidate;
    let exists: boolean;
    try {
      const stats = await this.fs.lstat(candidate);
      if (stats.isSymbolicLink()) {
        try {
          abs = await this.fs.realpath(candidate);
        } catch (error) {
          throw errorCode(error) === 'ELOOP' ? symlinkLoop(path) : outside(path);
        }
        if (!isInside(root, abs)) throw outside(path);
        const target = await this.fs.stat(abs);
        if (!target.isFile()) throw new NotebookError('invalid-arguments', `"${path}" is not a file.`);
      } else if (!stats.isFile()) {
        throw new NotebookError('invalid-arguments', `"${path}" is a folder, not a note.`);
      }
      exists = true;
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
      exists = false;
    }
    this.refuseProtected(abs, path);
    return { abs, exists };
  }

  /**
   * The real path of a vault folder ('' for the root), created if asked.
   * @throws as forWrite.
   */
  async forFolder(folder: string, options: { createFolders: boolean }): Promise<string> {
    const root = await this.root();
    const real = await this.folder(root, folder === '' ? [] : folder.split('/'), folder, options.createFolders);
    this.refuseProtected(real, folder);
    return real;
  }

  private async folder(root: string, parts: string[], path: string, create: boolean): Promise<string> {
    let current = root;
    for (const part of parts) {
      const next = join(current, part);
      // Checked at every level before anything is made in it, so a refused path leaves
      // no folder behind inside a protected one.
      this.refuseProtected(next, path);
      let real: string | undefined;
      try {
        real = await this.fs.realpath(next);
      } catch (error) {
        if (errorCode(error) === 'ELOOP') throw symlinkLoop(path);
        if (errorCode(error) !== 'ENOENT') throw error;
        if (await this.isLink(next)) throw outside(path);
        if (!create) throw new NotebookError('not-found', `There is no folder "${parts.join('/')}" in the vault.`);
        try {
          await this.fs.mkdir(next);
        } catch (mkdirError) {
          if (errorCode(mkdirError) !== 'EEXIST') throw mkdirError;
        }
        real = await this.fs.realpath(next);
      }
      if (!isInside(root, real)) throw outside(path);
      this.refuseProtected(real, path);
      if (!(await this.fs.stat(real)).isDirectory()) {
        throw new NotebookError('invalid-arguments', `"${part}" in "${path}" is a file, not a folder.`);
      }
      current = real;
    }
    return current;
  }

  private refuseProtected(abs: string, path: string): void {
    for (const dir of this.protectedDirs) {
      if (isInside(dir, abs)) {
        throw new NotebookError(
          'read-only',
          `"${path}" is part of the app's own files (the glossary or its state), which are read-only.`,
        );
      }
    }
  }

  private async isLink(abs: string): Promise<boolean> {
    try {
      return (await this.fs.lstat(abs)).isSymbolicLink();
    } catch {
      return false;
    }
  }
}

function notFound(path: string): NotebookError {
  return new NotebookError('not-found', `There is no note "${path}" in the vault.`);
}

/** A path whose symbolic links lead back to themselves: the caller's to fix, not a disk failure. */
function symlinkLoop(path: string): NotebookError {
  return new NotebookError(
    'invalid-arguments',
    `"${path}" is a loop of symbolic links that leads to no file; the app cannot read or write it.`,
  );
}

function outside(path: string): NotebookError {
  return new NotebookError(
    'invalid-arguments',
    `"${path}" leads outside the vault through a symbolic link; the app only reads and writes inside the vault.`,
  );
}
