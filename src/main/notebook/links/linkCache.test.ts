import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLD_VERSION } from '@shared/text/fold';
import { linkRecordOf } from './linkRecord';
import { LINK_CACHE_FILE, readLinkCache, writeLinkCache } from './linkCache';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function written(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'link-cache-'));
  dirs.push(dir);
  const text = 'Die Straße führt zum [[Glutamat]].';
  await writeLinkCache(dir, [{ path: 'A.md', version: 'v1', ...linkRecordOf('A.md', text) }]);
  return dir;
}

describe('the link cache', () => {
  it('reads back what it wrote', async () => {
    const notes = await readLinkCache(await written());
    expect([...notes.keys()]).toEqual(['A.md']);
    expect(notes.get('A.md')!.analysis.links.map((link) => link.target)).toEqual(['Glutamat']);
  });

  it('is ignored (and so rebuilt) when its word filters were folded with other rules', async () => {
    const dir = await written();
    const file = join(dir, LINK_CACHE_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`"fold":${FOLD_VERSION},`);
    writeFileSync(file, text.replace(`"fold":${FOLD_VERSION},`, `"fold":${FOLD_VERSION - 1},`));
    expect((await readLinkCache(dir)).size).toBe(0);
    writeFileSync(file, text.replace(`"fold":${FOLD_VERSION},`, ''));
    expect((await readLinkCache(dir)).size).toBe(0);
  });
});
