import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultFs } from '../fs/VaultFs';
import { nodeVaultFs } from '../fs/VaultFs';
import { NOTE_META_CACHE_FILE, NOTE_META_CACHE_FORMAT } from './noteMetaCache';
import { testVaults } from './testing/testVault';
import type { VaultStore } from './VaultStore';

const vaults = testVaults();
afterEach(() => vaults.cleanup());

/** A file system that counts the note files read (the metadata cache exists to spare them). */
function countingFs(): { fs: VaultFs; reads: string[] } {
  const reads: string[] = [];
  const fs: VaultFs = {
    ...nodeVaultFs,
    readFile: ((path: string, ...rest: unknown[]) => {
      if (String(path).endsWith('.md')) reads.push(String(path));
      return (nodeVaultFs.readFile as (...args: unknown[]) => unknown)(path, ...rest);
    }) as VaultFs['readFile'],
  };
  return { fs, reads };
}

const NOTES: Record<string, string> = {
  'Alpha.md': '---\naliases: [First]\ntags: [greek]\n---\nAlpha text',
  'Folder/Beta.md': 'Beta text',
  'Gamma.md': 'Gamma text',
};

/** A vault of NOTES opened once with the cache, closed (so the cache is written), and its folders. */
async function primedVault() {
  const first = await vaults.open({ metaCache: true });
  for (const [path, content] of Object.entries(NOTES)) {
    await first.store.createNote({
      title: path.replace(/^.*\//, '').replace(/\.md$/, ''),
      folder: path.includes('/') ? path.replace(/\/[^/]*$/, '') : '',
      content,
    });
  }
  await first.store.close();
  expect(readFileSync(join(first.stateDir, NOTE_META_CACHE_FILE), 'utf8')).toContain('"Folder/Beta.md"');
  return { vaultPath: first.vaultPath, stateDir: first.stateDir, abs: first.abs };
}

async function reopen(
  folders: { vaultPath: string; stateDir: string },
  options: { background?: boolean } = {},
): Promise<{ store: VaultStore; reads: string[]; changes: Awaited<ReturnType<typeof vaults.open>>['changes'] }> {
  const { fs, reads } = countingFs();
  const opened = await vaults.open({ ...folders, fs, metaCache: true, ...options });
  return { store: opened.store, reads, changes: opened.changes };
}

function summaries(store: VaultStore) {
  return store
    .listNotes()
    .map(({ path, aliases, tags, size }) => ({ path, aliases, tags, size }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

describe('the notes metadata cache', () => {
  it('lets an unchanged vault open without reading a note, with the same list and versions', async () => {
    const folders = await primedVault();
    const { fs } = countingFs();
    const fresh = await vaults.open({ vaultPath: folders.vaultPath, stateDir: join(folders.stateDir, 'x'), fs });
    const { store, reads } = await reopen(folders);
    expect(reads).toEqual([]);
    expect(summaries(store)).toEqual(summaries(fresh.store));
    for (const path of Object.keys(NOTES)) expect(store.knownVersion(path)).toBe(fresh.store.knownVersion(path));
    expect(summaries(store).find((n) => n.path === 'Alpha.md')).toMatchObject({ aliases: ['First'], tags: ['greek'] });
  });

  it('re-reads a note whose mtime changed (same size), and only that one', async () => {
    const folders = await primedVault();
    const path = folders.abs('Gamma.md');
    writeFileSync(path, 'Gamma TEXT');
    utimesSync(path, new Date(), new Date(Date.now() + 60_000));
    const { store, reads } = await reopen(folders);
    expect(reads).toEqual([path]);
    const note = await store.readNote('Gamma.md');
    expect(store.knownVersion('Gamma.md')).toBe(note.version);
  });

  it('re-reads a note whose size changed even when its mtime was put back', async () => {
    const folders = await primedVault();
    const path = folders.abs('Folder/Beta.md');
    const before = nodeVaultFs.stat(path);
    const { mtime, atime } = await before;
    writeFileSync(path, '---\ntags: [later]\n---\nBeta text, longer now');
    utimesSync(path, atime, mtime);
    const { store, reads } = await reopen(folders);
    expect(reads).toEqual([path]);
    expect(store.listNotes().find((n) => n.path === 'Folder/Beta.md')?.tags).toEqual(['later']);
  });

  it('drops a deleted note and lists a new one', async () => {
    const folders = await primedVault();
    rmSync(folders.abs('Gamma.md'));
    writeFileSync(folders.abs('Delta.md'), '---\naliases: [Fourth]\n---\nDelta');
    const { store, reads } = await reopen(folders);
    expect(reads).toEqual([folders.abs('Delta.md')]);
    expect(summaries(store).map((n) => n.path)).toEqual(['Alpha.md', 'Delta.md', 'Folder/Beta.md']);
    expect(store.listNotes().find((n) => n.path === 'Delta.md')?.aliases).toEqual(['Fourth']);
  });

  it('is rebuilt, never trusted, when corrupt or of another format', async () => {
    const cases: Array<{ damage: (text: string) => string; reread: 'all' | 'Gamma.md' }> = [
      { damage: () => '{"format":1,"notes":{"Alpha.md":[1,2', reread: 'all' },
      { damage: () => 'not json at all', reread: 'all' },
      {
        damage: (text) => text.replace(`"format":${NOTE_META_CACHE_FORMAT}`, `"format":${NOTE_META_CACHE_FORMAT + 1}`),
        reread: 'all',
      },
      // One record with a malformed version: that note is read, the others trusted.
      {
        damage: (text) => text.replace(/"Gamma\.md":\[(\d+),([\d.]+),(\d+),"[^"]*"/, '"Gamma.md":[$1,$2,$3,7'),
        reread: 'Gamma.md',
      },
    ];
    for (const { damage, reread } of cases) {
      const folders = await primedVault();
      const file = join(folders.stateDir, NOTE_META_CACHE_FILE);
      writeFileSync(file, damage(readFileSync(file, 'utf8')));
      const { store, reads } = await reopen(folders);
      if (reread === 'all') expect(reads.length).toBe(3);
      else expect(reads).toEqual([folders.abs(reread)]);
      expect(summaries(store).map((n) => n.path)).toEqual(['Alpha.md', 'Folder/Beta.md', 'Gamma.md']);
      expect(store.listNotes().find((n) => n.path === 'Alpha.md')?.aliases).toEqual(['First']);
      // Rewritten in the current format once closed.
      await store.close();
      expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe(NOTE_META_CACHE_FORMAT);
    }
  });

  it('in the background: opens at once from the cache, then announces what changed on disk', async () => {
    const folders = await primedVault();
    writeFileSync(folders.abs('Gamma.md'), 'Gamma changed while the app was closed, longer');
    rmSync(folders.abs('Alpha.md'));
    writeFileSync(folders.abs('Delta.md'), 'Delta');
    const { store, reads, changes } = await reopen(folders, { background: true });
    // The last session's list first, read from nothing but the cache.
    expect(reads).toEqual([]);
    expect(summaries(store).map((n) => n.path)).toEqual(['Alpha.md', 'Folder/Beta.md', 'Gamma.md']);
    await store.settled();
    expect(summaries(store).map((n) => n.path)).toEqual(['Delta.md', 'Folder/Beta.md', 'Gamma.md']);
    expect(changes.map((c) => `${c.kind} ${c.path}`).sort()).toEqual([
      'added Delta.md',
      'changed Gamma.md',
      'removed Alpha.md',
    ]);
    expect(store.knownVersion('Gamma.md')).toBe((await store.readNote('Gamma.md')).version);
  });

  it('in the background without a cache: lists the files first, then reads them and announces each', async () => {
    const folders = vaults.folders();
    for (const [path, content] of Object.entries(NOTES)) {
      const abs = join(folders.vaultPath, ...path.split('/'));
      mkdirSync(join(abs, '..'), { recursive: true });
      writeFileSync(abs, content);
    }
    const { store, changes } = await reopen(folders, { background: true });
    expect(store.readProgress.total).toBe(3);
    await store.settled();
    expect(store.readProgress).toEqual({ read: 3, total: 3 });
    expect(changes.map((c) => `${c.kind} ${c.path}`).sort()).toEqual([
      'changed Alpha.md',
      'changed Folder/Beta.md',
      'changed Gamma.md',
    ]);
    expect(store.listNotes().find((n) => n.path === 'Alpha.md')?.aliases).toEqual(['First']);
    for (const path of Object.keys(NOTES)) expect(store.knownVersion(path)).toBe((await store.readNote(path)).version);
  });
});
