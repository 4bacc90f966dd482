import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { WorkspaceStore } from './WorkspaceStore';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('WorkspaceStore', () => {
  it('starts empty and persists merged patches across instances', async () => {
    const dir = dirs.make();
    const store = new WorkspaceStore(dir);
    expect(await store.get()).toEqual({});
    await store.update({ referenceEntryId: 'a' });
    await store.update({ sidebarWidth: 300 });
    expect(await new WorkspaceStore(dir).get()).toEqual({ referenceEntryId: 'a', sidebarWidth: 300 });
  });

  it('clears a field set to null', async () => {
    const dir = dirs.make();
    const store = new WorkspaceStore(dir);
    await store.update({ referenceEntryId: 'a', sidebarWidth: 300 });
    await store.update({ referenceEntryId: null });
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'))).toEqual({ sidebarWidth: 300 });
  });

  it.each(['{not json', '[]', '{"referenceEntryId": 5}', '{"sidebarWidth": 1e9}'])(
    'treats a corrupt or invalid file (%s) as a first start',
    async (content) => {
      const dir = dirs.make();
      writeFileSync(join(dir, 'workspace.json'), content);
      expect(await new WorkspaceStore(dir).get()).toEqual({});
    },
  );

  it('keeps accepting updates after a failed write', async () => {
    const dir = join(dirs.make(), 'state');
    writeFileSync(dir, 'a file where the folder should be');
    const store = new WorkspaceStore(dir);
    await expect(store.update({ referenceEntryId: 'a' })).rejects.toThrow();
    // The chain must not stay rejected: once the obstacle is gone, writes work again.
    const { rmSync } = await import('node:fs');
    rmSync(dir);
    await expect(store.update({ referenceEntryId: 'b' })).resolves.toEqual({ referenceEntryId: 'b' });
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'))).toEqual({ referenceEntryId: 'b' });
  });
});
