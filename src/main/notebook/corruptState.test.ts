import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import { nodeVaultFs } from './fs/VaultFs';
import { LINK_CACHE_FILE, LINK_CACHE_FORMAT } from './links/linkCache';
import type { NotebookConfig } from './NotebookConfig';
import { openNotebook, type NotebookService } from './openNotebook';
import { CACHE_FILE_NAME, decodeIndexCache } from './search/indexCache';
import { FullTextIndex } from './search/FullTextIndex';
import { readSettings, SETTINGS_FILE } from './settings/SettingsStore';
import { DraftStore } from './vault/DraftStore';
import { vaultStateDir } from './workspace/vaultStateDir';

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

async function open(config: NotebookConfig): Promise<NotebookService> {
  const service = await openNotebook(config, { watch: { pollIntervalMs: 0 }, log: () => undefined });
  services.push(service);
  return service;
}

async function close(service: NotebookService): Promise<void> {
  await service.close();
  services.splice(services.indexOf(service), 1);
}

/** Ways a state file ends up damaged: a crash mid-write elsewhere, a disk error, a sync tool, a hand edit. */
const DAMAGE: Record<string, (bytes: Buffer) => Buffer> = {
  garbage: () => Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80, 0x7b, 0x22, 0x0a]),
  truncated: (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)),
  empty: () => Buffer.alloc(0),
  'JSON of the wrong shape': () => Buffer.from('{"format":1,"notes":{"A.md":{"v":7}},"lastOpened":42,"path":[]}'),
};

describe('damaged caches and state files', () => {
  it.each(Object.keys(DAMAGE))(
    '%s: the app opens, works as before and rewrites its caches',
    async (damage) => {
      const base = dirs.make('corrupt-state-');
      const config: NotebookConfig = {
        vaultPath: join(base, 'vault'),
        glossaryDir: SHIPPED_GLOSSARY,
        stateDir: join(base, 'state'),
        host: 'web',
        appVersion: '0.0.0',
      };
      mkdirSync(config.vaultPath);
      writeFileSync(join(config.vaultPath, 'A.md'), 'Alpha links to [[B]].\n');
      writeFileSync(join(config.vaultPath, 'B.md'), 'Bravo stands alone.\n');
      writeFileSync(join(config.vaultPath, 'C.md'), 'Charlie cites the [[GABA Glutamate Ratio]].\n');
      const stateDir = vaultStateDir(config.stateDir, config.vaultPath);
      const drafts = new DraftStore(nodeVaultFs, join(stateDir, 'drafts'));

      // A first session writes every cache and state file.
      const first = await open(config);
      await first.updateWorkspaceState({ patch: { lastOpened: { kind: 'note', path: 'A.md' }, sidebarWidth: 300 } });
      await (await first.searchService()).whenReady();
      await (await first.links()).persist();
      await close(first);
      await drafts.write({
        path: 'B.md',
        content: 'Bravo, edited.',
        baseVersion: null,
        savedAt: new Date().toISOString(),
      });
      await drafts.write({
        path: 'C.md',
        content: 'Charlie, edited.',
        baseVersion: null,
        savedAt: new Date().toISOString(),
      });
      const files = [
        join(stateDir, LINK_CACHE_FILE),
        join(stateDir, CACHE_FILE_NAME),
        join(stateDir, 'workspace.json'),
        join(config.stateDir, SETTINGS_FILE),
        drafts.fileFor('C.md'),
      ];
      for (const file of files) writeFileSync(file, DAMAGE[damage]!(readFileSync(file)));

      const service = await open(config);
      expect((await service.listNotes()).map((note) => note.title).sort()).toEqual(['A', 'B', 'C']);
      await (await service.searchService()).whenReady();
      expect((await service.search({ query: 'bravo' })).hits.map((hit) => hit.title)).toEqual(['B']);
      const backlinks = await service.getBacklinks({ ref: { kind: 'note', path: 'B.md' } });
      expect(backlinks.groups.map((group) => group.title)).toEqual(['A']);
      const entryBacklinks = await service.getBacklinks({ ref: { kind: 'entry', id: 'gaba-glutamate-ratio' } });
      expect(entryBacklinks.groups.map((group) => group.title)).toEqual(['C']);
      // The layout is forgotten, not fatal; it is remembered again from now on.
      expect(await service.getWorkspaceState()).toEqual({});
      await service.updateWorkspaceState({ patch: { sidebarWidth: 320 } });
      // The damaged draft is skipped (and left for inspection); the good one is offered back.
      expect((await service.listDrafts()).map((draft) => draft.path)).toEqual(['B.md']);
      expect(readSettings(config.stateDir)).toEqual({ lastVault: config.vaultPath, vaults: [config.vaultPath] });

      // The caches are rewritten whole, so the next start reads them again.
      await (await service.links()).persist();
      await close(service);
      const links = JSON.parse(readFileSync(join(stateDir, LINK_CACHE_FILE), 'utf8')) as {
        format: number;
        notes: object;
      };
      expect(links.format).toBe(LINK_CACHE_FORMAT);
      expect(Object.keys(links.notes).sort()).toEqual(['A.md', 'B.md', 'C.md']);
      const index = new FullTextIndex();
      expect(decodeIndexCache(readFileSync(join(stateDir, CACHE_FILE_NAME)), index, () => true)).toEqual({ added: 3 });
      expect(JSON.parse(readFileSync(join(stateDir, 'workspace.json'), 'utf8'))).toEqual({ sidebarWidth: 320 });
      expect(readdirSync(join(stateDir, 'drafts'))).toHaveLength(2);
    },
    30_000,
  );
});
