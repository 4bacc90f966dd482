import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { concurrencyProbe } from '../../testing/concurrencyProbe';
import { tempDirs } from '../../testing/tempDirs';
import { FILE_CONCURRENCY } from '../fs/fileConcurrency';
import { faultyVaultFs } from '../fs/testing/faultyVaultFs';
import { nodeVaultFs } from '../fs/VaultFs';
import { scanFolder } from './scanFolder';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

function vault(): string {
  const root = realpathSync(dirs.make());
  for (const path of ['A.md', 'Bio/Cells.md', 'Bio/Deep/Membrane.md', 'Bio/image.png', '.obsidian/x.md']) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
  }
  return root;
}

describe('scanFolder', () => {
  it('stats a bounded number of files at once, however many a folder holds', async () => {
    const root = realpathSync(dirs.make());
    for (let i = 0; i < 300; i++) writeFileSync(join(root, `Note ${i}.md`), 'x');
    const probe = concurrencyProbe();
    const fs = { ...nodeVaultFs, stat: probe.wrap(nodeVaultFs.stat) };
    expect((await scanFolder(fs, root, '')).files.size).toBe(300);
    expect(probe.calls).toBeGreaterThanOrEqual(300);
    expect(probe.max).toBeLessThanOrEqual(FILE_CONCURRENCY);
  });

  it('walks a folder and everything below it, reporting notes and folders', async () => {
    const root = vault();
    const all = await scanFolder(nodeVaultFs, root, '');
    expect([...all.files.keys()].sort()).toEqual(['A.md', 'Bio/Cells.md', 'Bio/Deep/Membrane.md']);
    expect(all.folders.sort()).toEqual(['', 'Bio', 'Bio/Deep']);
    const bio = await scanFolder(nodeVaultFs, root, 'Bio');
    expect([...bio.files.keys()].sort()).toEqual(['Bio/Cells.md', 'Bio/Deep/Membrane.md']);
  });

  it('reports the temporary files of interrupted atomic writes, and no other hidden file', async () => {
    const root = vault();
    for (const name of ['.A.md.0123456789ab.tmp', 'Bio/.Cells.md.ba9876543210.tmp', '.A.md.swp', '.A.md.xyz.tmp']) {
      writeFileSync(join(root, name), 'partial');
    }
    const { files, leftovers } = await scanFolder(nodeVaultFs, root, '');
    expect(leftovers.sort()).toEqual([
      join(root, '.A.md.0123456789ab.tmp'),
      join(root, 'Bio', '.Cells.md.ba9876543210.tmp'),
    ]);
    expect([...files.keys()].sort()).toEqual(['A.md', 'Bio/Cells.md', 'Bio/Deep/Membrane.md']);
  });

  it('gives an empty result for a folder that is gone', async () => {
    const root = vault();
    expect(await scanFolder(nodeVaultFs, root, 'Nope')).toEqual({
      files: new Map(),
      folders: [],
      unreadable: [],
      leftovers: [],
    });
  });

  it('reports folders it cannot read, so their notes are not taken as removed', async () => {
    const root = vault();
    const faults = faultyVaultFs();
    faults.fail({ ops: ['readdir'], path: (p) => p === join(root, 'Bio'), code: 'EACCES' });
    const result = await scanFolder(faults.fs, root, '');
    expect(result.unreadable).toEqual(['Bio']);
    expect([...result.files.keys()]).toEqual(['A.md']);
  });
});
