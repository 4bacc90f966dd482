import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refusal } from '@shared/api/testing/refusal';
import type { NotebookEvents } from '@shared/api/NotebookApi';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import type { NotebookConfig } from './NotebookConfig';
import { openNotebook, type NotebookService } from './openNotebook';
import { readSettings } from './settings/SettingsStore';

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

async function open(overrides: Partial<NotebookConfig> = {}) {
  const base = dirs.make('notebook-');
  const config: NotebookConfig = {
    vaultPath: join(base, 'Vault A'),
    glossaryDir: SHIPPED_GLOSSARY,
    stateDir: join(base, 'state'),
    host: 'web',
    appVersion: '1.2.3',
    ...overrides,
  };
  const service = await openNotebook(config, { watch: { pollIntervalMs: 0 } });
  services.push(service);
  const events: { name: keyof NotebookEvents; payload: unknown }[] = [];
  service.events.onAny((name, payload) => events.push({ name, payload }));
  return { base, config, service, events };
}

describe('openNotebook', () => {
  it('creates the vault, reports it in the app info and remembers it', async () => {
    const { config, service } = await open();
    expect(existsSync(config.vaultPath)).toBe(true);
    expect(await service.getAppInfo()).toEqual({
      name: 'Study Notebook',
      version: '1.2.3',
      host: 'web',
      vaultPath: config.vaultPath,
    });
    expect(readSettings(config.stateDir)).toEqual({ lastVault: config.vaultPath, vaults: [config.vaultPath] });
  });

  it('forwards note changes as notes-changed events', async () => {
    const { service, events } = await open();
    await service.createNote({ title: 'Cells' });
    // The search index may still report its progress meanwhile (it loads packs from their caches).
    expect(events.filter((event) => event.name !== 'index-status')).toEqual([
      {
        name: 'notes-changed',
        payload: { changes: [expect.objectContaining({ kind: 'added', path: 'Cells.md', external: false })] },
      },
    ]);
  });

  it('opens an Obsidian vault as is: .obsidian ignored, front matter kept, nothing rewritten', async () => {
    const base = dirs.make();
    const vaultPath = join(base, 'Obsidian');
    mkdirSync(join(vaultPath, '.obsidian'), { recursive: true });
    writeFileSync(join(vaultPath, '.obsidian', 'app.json'), '{}');
    const text = '---\naliases: [Cell]\ncssclass: wide\n---\n# Cells\n\n![[image.png]]\n%% comment %%\n';
    writeFileSync(join(vaultPath, 'Cells.md'), text);
    const { service } = await open({ vaultPath });
    const [summary] = await service.listNotes();
    expect(summary).toMatchObject({ path: 'Cells.md', aliases: ['Cell'] });
    expect((await service.readNote({ path: 'Cells.md' })).content).toBe(text);
    await service.close();
    expect(readFileSync(join(vaultPath, 'Cells.md'), 'utf8')).toBe(text);
    expect(readFileSync(join(vaultPath, '.obsidian', 'app.json'), 'utf8')).toBe('{}');
  });
});

describe('openVault', () => {
  it('switches to a folder named on the command line (created if missing), remembers it and announces vault-changed', async () => {
    const base = dirs.make('notebook-');
    const other = join(base, 'Vault B');
    const { config, service, events } = await open({ vaultPath: join(base, 'Vault A'), allowedVaults: [other] });
    await service.createNote({ title: 'In A' });
    await service.updateWorkspaceState({ patch: { sidebarWidth: 300 } });
    const info = await service.openVault({ path: other });
    expect(info).toMatchObject({ vaultPath: other });
    expect(await service.getAppInfo()).toMatchObject({ vaultPath: other });
    expect(events.at(-1)).toEqual({ name: 'vault-changed', payload: { vaultPath: other } });
    expect(readSettings(config.stateDir)).toEqual({ lastVault: other, vaults: [other, config.vaultPath] });
    // Notes, drafts and workspace state belong to the vault.
    expect(await service.listNotes()).toEqual([]);
    expect(await service.getWorkspaceState()).toEqual({});
    await service.createNote({ title: 'In B' });
    expect(existsSync(join(other, 'In B.md'))).toBe(true);
    expect(existsSync(join(config.vaultPath, 'In B.md'))).toBe(false);
    await service.openVault({ path: config.vaultPath });
    expect((await service.listNotes()).map((n) => n.title)).toEqual(['In A']);
    expect(await service.getWorkspaceState()).toEqual({ sidebarWidth: 300 });
  });

  it('lets saves queued on the old vault finish there', async () => {
    const base = dirs.make('notebook-');
    const other = join(base, 'Vault B');
    const { config, service } = await open({ vaultPath: join(base, 'Vault A'), allowedVaults: [other] });
    const saves = Array.from({ length: 5 }, (_, i) =>
      service.saveNote({ path: `N${i}.md`, content: String(i), baseVersion: null }),
    );
    await service.openVault({ path: other });
    await Promise.all(saves);
    for (let i = 0; i < 5; i++) expect(readFileSync(join(config.vaultPath, `N${i}.md`), 'utf8')).toBe(String(i));
  });

  it('stops watching the old vault', async () => {
    const base = dirs.make('notebook-');
    const other = join(base, 'Vault B');
    const { config, service, events } = await open({ vaultPath: join(base, 'Vault A'), allowedVaults: [other] });
    await service.openVault({ path: other });
    events.length = 0;
    writeFileSync(join(config.vaultPath, 'Late.md'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events).toEqual([]);
  });

  it('uses the host folder picker without a path, and returns null when cancelled', async () => {
    const base = dirs.make();
    let answer: string | null = null;
    const { service } = await open({ vaultPath: join(base, 'A'), pickFolder: async () => answer });
    expect(await service.openVault({})).toBeNull();
    expect(await service.getAppInfo()).toMatchObject({ vaultPath: join(base, 'A') });
    answer = join(base, 'Picked');
    expect(await service.openVault({})).toMatchObject({ vaultPath: join(base, 'Picked') });
  });

  it('asks for a known vault or a typed path when the host has no folder picker', async () => {
    const { service } = await open();
    expect((await refusal(service.openVault({}))).message).toMatch(/Choose one of your vaults/);
  });

  it.each([
    ['a relative path', () => 'Notes', /full path/],
    ['the state folder', (stateDir: string) => join(stateDir, 'vaults'), /state folder/],
    ['the glossary', () => SHIPPED_GLOSSARY, /glossary/],
  ])('refuses %s even when named on the command line, and keeps the current vault', async (_label, path, message) => {
    const base = dirs.make('notebook-');
    const stateDir = join(base, 'state');
    const { config, service } = await open({
      vaultPath: join(base, 'Vault A'),
      stateDir,
      allowedVaults: [resolve(base, path(stateDir))],
    });
    const error = await refusal(service.openVault({ path: path(stateDir) }));
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toMatch(message);
    expect(await service.getAppInfo()).toMatchObject({ vaultPath: config.vaultPath });
  });

  it('refuses a file named on the command line', async () => {
    const base = dirs.make('notebook-');
    writeFileSync(join(base, 'file.md'), 'x');
    const { config, service } = await open({
      vaultPath: join(base, 'Vault A'),
      allowedVaults: [join(base, 'file.md')],
    });
    expect((await refusal(service.openVault({ path: join(base, 'file.md') }))).message).toMatch(/is a file/);
    expect(await service.getAppInfo()).toMatchObject({ vaultPath: config.vaultPath });
  });

  it.each([
    ['/etc', () => '/etc'],
    ['the home folder', () => homedir()],
    ['the home folder as ~', () => '~'],
    ['the root of the disk', () => '/'],
    ['a new folder beside the vault', (base: string) => join(base, 'Elsewhere')],
    ['a folder inside the vault', (base: string) => join(base, 'Vault A', 'Sub')],
    ['a path climbing out of the vault', (base: string) => `${join(base, 'Vault A')}/../Elsewhere`],
    ['a file', (base: string) => join(base, 'file.md')],
  ])(
    'refuses %s, which the user never chose: forbidden, nothing created, the vault unchanged',
    async (_label, path) => {
      const base = dirs.make('notebook-');
      writeFileSync(join(base, 'file.md'), 'x');
      for (const pickFolder of [undefined, async () => null]) {
        const { config, service, events } = await open({
          vaultPath: join(base, 'Vault A'),
          stateDir: join(base, 'state'),
          pickFolder,
        });
        const error = await refusal(service.openVault({ path: path(base) }));
        expect(error.code).toBe('forbidden');
        expect(error.message).toMatch(pickFolder ? /Open Vault…/ : /npm run serve -- --vault/);
        expect(await service.getAppInfo()).toMatchObject({ vaultPath: config.vaultPath });
        expect(events.filter((e) => e.name === 'vault-changed')).toEqual([]);
        expect(readdirSync(base).sort()).toEqual(['Vault A', 'file.md', 'state']);
        expect(readdirSync(config.vaultPath)).toEqual([]);
        expect(await service.listVaults()).toEqual([config.vaultPath]);
        await service.close();
      }
    },
  );

  it('opens a vault picked before, or opened at an earlier start, by path; lists them most recent first', async () => {
    const base = dirs.make('notebook-');
    const [a, b, c] = ['A', 'B', 'C'].map((name) => join(base, name)) as [string, string, string];
    let picked: string | null = b;
    const first = await open({ vaultPath: a, stateDir: join(base, 'state'), pickFolder: async () => picked });
    await first.service.openVault({});
    expect(await first.service.listVaults()).toEqual([b, a]);
    expect(await first.service.openVault({ path: `${a}/` })).toMatchObject({ vaultPath: a });
    picked = c;
    await first.service.openVault({});
    await first.service.close();

    // Another start (desktop or browser build) on the same state folder knows all three.
    const second = await open({ vaultPath: a, stateDir: join(base, 'state') });
    expect(await second.service.listVaults()).toEqual([a, c, b]);
    expect(await second.service.openVault({ path: b })).toMatchObject({ vaultPath: b });
    expect(await second.service.listVaults()).toEqual([b, a, c]);
  });

  it('lists folders named on the command line after the remembered vaults', async () => {
    const base = dirs.make('notebook-');
    const named = join(base, 'Named');
    const { config, service } = await open({ vaultPath: join(base, 'A'), allowedVaults: [named, join(base, 'A')] });
    expect(await service.listVaults()).toEqual([config.vaultPath, named]);
  });
});
