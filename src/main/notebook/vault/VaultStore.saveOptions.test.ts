import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { testVaults } from './testing/testVault';

const vaults = testVaults();
afterEach(() => vaults.cleanup());

describe('VaultStore.saveNote options (the app rewriting a note on its own)', () => {
  it('announces the change as external with reloadEditors, so an open editor reloads it', async () => {
    const { store, changes } = await vaults.open();
    const created = await store.createNote({ title: 'A', content: 'one' });
    changes.length = 0;
    const saved = await store.saveNote(
      { path: 'A.md', content: 'two', baseVersion: created.version },
      { reloadEditors: true },
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        path: 'A.md',
        external: true,
        version: saved.status === 'saved' ? saved.version : '',
      }),
    ]);
  });

  it("with onConflict 'fail', writes nothing (no conflict copy) when the file changed or vanished", async () => {
    const { store, abs, vaultPath } = await vaults.open();
    const created = await store.createNote({ title: 'A', content: 'one' });
    writeFileSync(abs('A.md'), 'changed elsewhere');
    await expect(
      store.saveNote({ path: 'A.md', content: 'rewrite', baseVersion: created.version }, { onConflict: 'fail' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(abs('A.md'), 'utf8')).toBe('changed elsewhere');
    expect(readdirSync(vaultPath)).toEqual(['A.md']);
    await expect(
      store.saveNote({ path: 'Gone.md', content: 'rewrite', baseVersion: created.version }, { onConflict: 'fail' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(existsSync(abs('Gone.md'))).toBe(false);
    expect(await store.listDrafts()).toEqual([]);
  });
});
