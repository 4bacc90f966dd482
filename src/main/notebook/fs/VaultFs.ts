import type { Dirent, Stats } from 'node:fs';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';

/** An open file, as far as the vault needs one: write it whole, flush it, close it. */
export interface VaultFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every file operation the vault store, its drafts and its watcher's rescans perform.
 * The real implementation is `nodeVaultFs`; tests wrap it (see testing/faultyVaultFs.ts)
 * to make chosen operations fail the way a read-only folder, a full disk or a vanished
 * vault would, which running as root with chmod cannot reproduce.
 *
 * Errors are Node's own (`NodeJS.ErrnoException` with `code`, `syscall`, `path`).
 */
export interface VaultFs {
  readFile(path: string): Promise<Buffer>;
  /** `flags` as for fs.open: 'r', 'wx' (create, fail if it exists), … */
  open(path: string, flags: string, mode?: number): Promise<VaultFileHandle>;
  rename(from: string, to: string): Promise<void>;
  /** A hard link; fails with EEXIST when `to` exists, so it never overwrites. */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Removes a file or folder; `force` ignores a missing one. */
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
  /** Creates one folder (not its parents); fails with EEXIST when it exists. */
  mkdir(path: string, mode?: number): Promise<void>;
  readdir(path: string): Promise<Dirent[]>;
  stat(path: string): Promise<Stats>;
  lstat(path: string): Promise<Stats>;
  realpath(path: string): Promise<string>;
  chmod(path: string, mode: number): Promise<void>;
}

/** The real file system. */
export const nodeVaultFs: VaultFs = {
  readFile: (path) => fs.readFile(path),
  open: (path, flags, mode) => fs.open(path, flags, mode),
  rename: (from, to) => fs.rename(from, to),
  link: (from, to) => fs.link(from, to),
  unlink: (path) => fs.unlink(path),
  rm: (path, options) => fs.rm(path, options),
  mkdir: async (path, mode) => {
    await fs.mkdir(path, { mode });
  },
  readdir: (path) => fs.readdir(path, { withFileTypes: true }),
  stat: (path) => fs.stat(path),
  lstat: (path) => fs.lstat(path),
  realpath: (path) => fs.realpath(path),
  chmod: (path, mode) => fs.chmod(path, mode),
};

/** The errno code of a file-system error ('EACCES', 'ENOENT', …), or undefined. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Creates `path` and any missing parents (like `mkdir -p`), through the given VaultFs. */
export async function ensureFolder(fs: VaultFs, path: string): Promise<void> {
  try {
    await fs.mkdir(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT') throw error;
    const parent = dirname(path);
    if (parent === path) throw error;
    await ensureFolder(fs, parent);
    try {
      await fs.mkdir(path);
    } catch (again) {
      if (errorCode(again) !== 'EEXIST') throw again;
    }
  }
}
