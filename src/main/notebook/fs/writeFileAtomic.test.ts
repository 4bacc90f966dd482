import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { faultyVaultFs, type FsOperation } from './testing/faultyVaultFs';
import { nodeVaultFs, type VaultFs } from './VaultFs';
import { writeFileAtomic, writeFileExclusive } from './writeFileAtomic';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary files behind', async () => {
    const dir = dirs.make();
    const file = join(dir, 'note.md');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['note.md']);
  });

  it('fails in a missing folder without creating anything', async () => {
    const dir = dirs.make();
    await expect(writeFileAtomic(join(dir, 'missing-folder', 'x.md'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each<[FsOperation, string]>([
    ['open', 'EACCES'],
    ['write', 'ENOSPC'],
    ['sync', 'EIO'],
    ['rename', 'EROFS'],
  ])('keeps the old content and removes the temporary file when %s fails with %s', async (op, code) => {
    const dir = dirs.make();
    const file = join(dir, 'note.md');
    writeFileSync(file, 'original');
    const faults = faultyVaultFs();
    faults.fail({ ops: [op], code });
    await expect(writeFileAtomic(file, 'new', { fs: faults.fs })).rejects.toMatchObject({ code });
    expect(readFileSync(file, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['note.md']);
  });

  it('flushes the data before the rename makes it visible', async () => {
    const dir = dirs.make();
    const faults = faultyVaultFs();
    await writeFileAtomic(join(dir, 'note.md'), 'x', { fs: faults.fs });
    const ops = faults.calls.map((c) => c.op);
    expect(ops.indexOf('sync')).toBeGreaterThan(ops.indexOf('write'));
    expect(ops.indexOf('rename')).toBeGreaterThan(ops.indexOf('sync'));
  });
});

describe('writeFileExclusive', () => {
  it('creates a file complete, and never replaces an existing one', async () => {
    const dir = dirs.make();
    const file = join(dir, 'note.md');
    await writeFileExclusive(file, 'first');
    await expect(writeFileExclusive(file, 'second')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['note.md']);
  });

  it('falls back to an exclusive create where hard links are not supported', async () => {
    const dir = dirs.make();
    const noLinks: VaultFs = {
      ...nodeVaultFs,
      link: async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      },
    };
    const file = join(dir, 'note.md');
    await writeFileExclusive(file, 'first', { fs: noLinks });
    await expect(writeFileExclusive(file, 'second', { fs: noLinks })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(file, 'utf8')).toBe('first');
    expect(readdirSync(dir)).toEqual(['note.md']);
  });
});
