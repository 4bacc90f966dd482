import { nodeVaultFs, type VaultFileHandle, type VaultFs } from '../VaultFs';

/** An operation of VaultFs; `write` and `sync` are those of an open file handle. */
export type FsOperation = Exclude<keyof VaultFs, 'open'> | 'open' | 'write' | 'sync';

export type PathMatch = string | RegExp | ((path: string) => boolean);

export interface Fault {
  /** Which operations fail; all when omitted. */
  ops?: FsOperation[];
  /** Which paths: a substring, a pattern or a predicate; every path when omitted. */
  path?: PathMatch;
  /** The errno code to fail with, e.g. 'ENOSPC'. */
  code: string;
  /** Fail this many times, then heal; forever when omitted. */
  times?: number;
}

const MESSAGES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  EIO: 'i/o error',
  EEXIST: 'file already exists',
};

/** An error shaped like the ones Node's fs throws. */
export function fsError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${MESSAGES[code] ?? 'injected fault'}, ${syscall} '${path}'`), {
    code,
    syscall,
    path,
  });
}

/**
 * Wraps a VaultFs (the real one by default) so tests can make chosen operations on
 * chosen paths fail with a chosen errno code: EROFS/EACCES for a read-only folder,
 * ENOSPC for a full disk, ENOENT for a vanished vault. `clear()` heals everything, so a
 * test can check that a retry succeeds. `calls` records every operation for assertions.
 */
export function faultyVaultFs(inner: VaultFs = nodeVaultFs) {
  const faults: Fault[] = [];
  const calls: { op: FsOperation; path: string }[] = [];

  function check(op: FsOperation, path: string): void {
    calls.push({ op, path });
    for (const fault of faults) {
      if (fault.ops && !fault.ops.includes(op)) continue;
      if (fault.path !== undefined && !matches(fault.path, path)) continue;
      if (fault.times !== undefined) {
        if (fault.times <= 0) continue;
        fault.times--;
      }
      throw fsError(fault.code, op, path);
    }
  }

  function wrapHandle(handle: VaultFileHandle, path: string): VaultFileHandle {
    return {
      async writeFile(data) {
        check('write', path);
        await handle.writeFile(data);
      },
      async sync() {
        check('sync', path);
        await handle.sync();
      },
      close: () => handle.close(),
    };
  }

  const fs: VaultFs = {
    async readFile(path) {
      check('readFile', path);
      return inner.readFile(path);
    },
    async open(path, flags, mode) {
      check('open', path);
      return wrapHandle(await inner.open(path, flags, mode), path);
    },
    async rename(from, to) {
      check('rename', from);
      check('rename', to);
      return inner.rename(from, to);
    },
    async link(from, to) {
      check('link', to);
      return inner.link(from, to);
    },
    async unlink(path) {
      check('unlink', path);
      return inner.unlink(path);
    },
    async rm(path, options) {
      check('rm', path);
      return inner.rm(path, options);
    },
    async mkdir(path, mode) {
      check('mkdir', path);
      return inner.mkdir(path, mode);
    },
    async readdir(path) {
      check('readdir', path);
      return inner.readdir(path);
    },
    async stat(path) {
      check('stat', path);
      return inner.stat(path);
    },
    async lstat(path) {
      check('lstat', path);
      return inner.lstat(path);
    },
    async realpath(path) {
      check('realpath', path);
      return inner.realpath(path);
    },
    async chmod(path, mode) {
      check('chmod', path);
      return inner.chmod(path, mode);
    },
  };

  return {
    fs,
    calls,
    /** Adds a fault; returns a function removing it. */
    fail(fault: Fault): () => void {
      faults.push(fault);
      return () => {
        const at = faults.indexOf(fault);
        if (at >= 0) faults.splice(at, 1);
      };
    },
    /** Removes every fault. */
    clear(): void {
      faults.length = 0;
    },
  };
}

/** Operations that create or change files: what a read-only folder or a full disk refuses. */
export const WRITE_OPS: FsOperation[] = ['open', 'write', 'sync', 'rename', 'link', 'mkdir', 'chmod'];

function matches(match: PathMatch, path: string): boolean {
  if (typeof match === 'string') return path.includes(match);
  if (match instanceof RegExp) return match.test(path);
  return match(path);
}
