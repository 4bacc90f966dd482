import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { concurrencyProbe } from '../../testing/concurrencyProbe';
import { tempDirs } from '../../testing/tempDirs';
import { FILE_CONCURRENCY } from '../fs/fileConcurrency';
import { nodeVaultFs } from '../fs/VaultFs';
import { DraftStore } from './DraftStore';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const draft = (path: string, savedAt: string) => ({ path, content: `text of ${path}`, baseVersion: null, savedAt });

describe('DraftStore', () => {
  it('reads a bounded number of drafts at once, however many there are', async () => {
    const dir = dirs.make();
    await new DraftStore(nodeVaultFs, dir).write(draft('Seed.md', '2024-01-01T00:00:00.000Z'));
    for (let i = 0; i < 200; i++) {
      const store = new DraftStore(nodeVaultFs, dir);
      writeFileSync(store.fileFor(`N${i}.md`), JSON.stringify(draft(`N${i}.md`, '2024-01-01T00:00:00.000Z')));
    }
    const probe = concurrencyProbe();
    const store = new DraftStore({ ...nodeVaultFs, readFile: probe.wrap(nodeVaultFs.readFile) }, dir);
    expect(await store.list()).toHaveLength(201);
    expect(probe.max).toBeLessThanOrEqual(FILE_CONCURRENCY);
  });

  it('writes one file per note path (creating its folder), reads and removes it', async () => {
    const store = new DraftStore(nodeVaultFs, join(dirs.make(), 'vaults', 'abc', 'drafts'));
    await store.write(draft('Cells.md', '2024-01-01T00:00:00.000Z'));
    await store.write({ ...draft('Cells.md', '2024-01-02T00:00:00.000Z'), content: 'newer' });
    expect(readdirSync(store.dir)).toHaveLength(1);
    expect(await store.read('Cells.md')).toMatchObject({ content: 'newer' });
    await store.remove('Cells.md');
    await store.remove('Cells.md');
    expect(await store.read('Cells.md')).toBeNull();
  });

  it('lists drafts oldest first', async () => {
    const store = new DraftStore(nodeVaultFs, dirs.make());
    await store.write(draft('B.md', '2024-01-02T00:00:00.000Z'));
    await store.write(draft('A.md', '2024-01-03T00:00:00.000Z'));
    await store.write(draft('C.md', '2024-01-01T00:00:00.000Z'));
    expect((await store.list()).map((d) => d.path)).toEqual(['C.md', 'B.md', 'A.md']);
  });

  it('skips corrupt drafts and leaves them in place for inspection', async () => {
    const dir = dirs.make();
    const store = new DraftStore(nodeVaultFs, dir);
    await store.write(draft('Good.md', '2024-01-01T00:00:00.000Z'));
    const corrupt = {
      truncated: '{"path": "X.md", "cont',
      wrongTypes: JSON.stringify({ path: 'Y.md', content: 5, baseVersion: null, savedAt: 'x' }),
      badPath: JSON.stringify(draft('../escape.md', '2024-01-01T00:00:00.000Z')),
      misfiled: JSON.stringify(draft('Elsewhere.md', '2024-01-01T00:00:00.000Z')),
    };
    Object.values(corrupt).forEach((text, i) => writeFileSync(join(dir, `${String(i).padStart(32, '0')}.json`), text));
    writeFileSync(join(dir, 'notes.txt'), 'not a draft');
    expect((await store.list()).map((d) => d.path)).toEqual(['Good.md']);
    expect(readdirSync(dir)).toHaveLength(6);
    expect(readFileSync(join(dir, `${'0'.repeat(32)}.json`), 'utf8')).toBe(corrupt.truncated);
  });

  it('lists nothing when the folder does not exist', async () => {
    expect(await new DraftStore(nodeVaultFs, join(dirs.make(), 'none')).list()).toEqual([]);
  });
});
