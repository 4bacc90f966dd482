import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    expect(readSettings(config.stateDir)).toEqual({ lastVault: config.vaultPath });
  });

  it('forwards note changes as notes-changed events', async () => {
    const { service, events } = await open();
    await service.createNote({ title: 'Cells' });
    expect(events).toEqual([
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
  it('switches to another folder (created if missing), remembers it and announces vault-changed', async () => {
    const { base, config, service, events } = await open();
    await service.createNote({ title: 'In A' });
    await service.updateWorkspaceState({ patch: { sidebarWidth: 300 } });
    const other = join(base, 'Vault B');
    const info = await service.openVault({ path: other });
    expect(info).toMatchObject({ vaultPath: other });
    expect(await service.getAppInfo()).toMatchObject({ vaultPath: other });
    expect(events.at(-1)).toEqual({ name: 'vault-changed', payload: { vaultPath: other } });
    expect(readSettings(config.stateDir)).toEqual({ lastVault: other });
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
    const { base, config, service } = await open();
    const saves = Array.from({ length: 5 }, (_, i) =>
      service.saveNote({ path: `N${i}.md`, content: String(i), baseVersion: null }),
    );
    await service.openVault({ path: join(base, 'Vault B') });
    await Promise.all(saves);
    for (let i = 0; i < 5; i++) expect(readFileSync(join(config.vaultPath, `N${i}.md`), 'utf8')).toBe(String(i));
  });

  it('stops watching the old vault', async () => {
    const { base, config, service, events } = await open();
    await service.openVault({ path: join(base, 'Vault B') });
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

  it('asks for a typed path when the host has no folder picker', async () => {
    const { service } = await open();
    expect((await refusal(service.openVault({}))).message).toMatch(/Type the folder path/);
  });

  it.each([
    ['a relative path', () => 'Notes', /full path/],
    ['the state folder', (c: NotebookConfig) => join(c.stateDir, 'vaults'), /state folder/],
    ['the glossary', () => SHIPPED_GLOSSARY, /glossary/],
  ])('refuses %s and keeps the current vault', async (_label, path, message) => {
    const { config, service } = await open();
    const error = await refusal(service.openVault({ path: path(config) }));
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toMatch(message);
    expect(await service.getAppInfo()).toMatchObject({ vaultPath: config.vaultPath });
  });

  it('refuses a file', async () => {
    const { base, config, service } = await open();
    writeFileSync(join(base, 'file.md'), 'x');
    expect((await refusal(service.openVault({ path: join(base, 'file.md') }))).message).toMatch(/is a file/);
    expect(await service.getAppInfo()).toMatchObject({ vaultPath: config.vaultPath });
  });
});
