import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { moveFileNoReplace, renameCaseOnly } from './moveFile';
import { faultyVaultFs } from './testing/faultyVaultFs';
import { nodeVaultFs, type VaultFs } from './VaultFs';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('moveFileNoReplace', () => {
  it('moves a file', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'a.md'), 'a');
    await moveFileNoReplace(nodeVaultFs, join(dir, 'a.md'), join(dir, 'b.md'));
    expect(readdirSync(dir)).toEqual(['b.md']);
  });

  it('never replaces an existing file', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'a.md'), 'a');
    writeFileSync(join(dir, 'b.md'), 'b');
    await expect(moveFileNoReplace(nodeVaultFs, join(dir, 'a.md'), join(dir, 'b.md'))).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('a');
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('b');
  });

  it('without hard links, checks then renames, and still refuses to replace', async () => {
    const dir = dirs.make();
    const noLinks: VaultFs = {
      ...nodeVaultFs,
      link: async () => {
        throw Object.assign(new Error('ENOTSUP'), { code: 'ENOTSUP' });
      },
    };
    writeFileSync(join(dir, 'a.md'), 'a');
    writeFileSync(join(dir, 'c.md'), 'c');
    await moveFileNoReplace(noLinks, join(dir, 'a.md'), join(dir, 'b.md'));
    await expect(moveFileNoReplace(noLinks, join(dir, 'b.md'), join(dir, 'c.md'))).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readdirSync(dir).sort()).toEqual(['b.md', 'c.md']);
  });

  it('undoes the new name when the old one cannot be removed', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'a.md'), 'a');
    const faults = faultyVaultFs();
    faults.fail({ ops: ['unlink'], path: 'a.md', code: 'EACCES' });
    await expect(moveFileNoReplace(faults.fs, join(dir, 'a.md'), join(dir, 'b.md'))).rejects.toMatchObject({
      code: 'EACCES',
    });
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});

describe('renameCaseOnly', () => {
  it('changes the letter case through a temporary name', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'cells.md'), 'x');
    await renameCaseOnly(nodeVaultFs, join(dir, 'cells.md'), join(dir, 'Cells.md'));
    expect(readdirSync(dir)).toEqual(['Cells.md']);
  });

  it('restores the old name when the second step fails', async () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'cells.md'), 'x');
    const faults = faultyVaultFs();
    faults.fail({ ops: ['rename'], path: 'Cells.md', code: 'EIO' });
    await expect(renameCaseOnly(faults.fs, join(dir, 'cells.md'), join(dir, 'Cells.md'))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['cells.md']);
  });
});
