import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveAppPaths, vaultArgument } from './paths';
import { fakeElectron, resetFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

describe('vaultArgument', () => {
  it.each([
    [['electron', '.', '--vault', '/notes'], '/notes'],
    [['app', '--vault=/notes'], '/notes'],
    [['app', '--vault', '/a', '--vault', '/b'], '/b'],
    [['app', '--other'], undefined],
  ])('%j gives %s', (argv, expected) => {
    expect(vaultArgument(argv)).toBe(expected);
  });

  it.each([[['app', '--vault']], [['app', '--vault=']], [['app', '--vault', '--other']]])(
    'refuses %j with a message naming the flag',
    (argv) => {
      expect(() => vaultArgument(argv)).toThrow(/--vault needs a folder/);
    },
  );
});

describe('resolveAppPaths', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('defaults to "Study Notebook" in Documents, state in userData, glossary in the source tree', () => {
    expect(resolveAppPaths({ argv: ['electron', '.'], env: {}, cwd: '/work' })).toEqual({
      vaultPath: join('/fake/Documents', 'Study Notebook'),
      stateDir: '/fake/userData',
      glossaryDir: join('/fake/app', 'resources', 'glossary', 'sources'),
    });
  });

  it('takes the state folder from --state-dir when given', () => {
    expect(resolveAppPaths({ argv: ['electron', '.', '--state-dir', 'state'], env: {}, cwd: '/work' }).stateDir).toBe(
      resolve('/work', 'state'),
    );
  });

  it('prefers --vault over STUDY_NOTEBOOK_VAULT, and resolves relative folders against cwd', () => {
    const env = { STUDY_NOTEBOOK_VAULT: '/from-env' };
    expect(resolveAppPaths({ argv: ['app', '--vault', 'notes'], env, cwd: '/work' }).vaultPath).toBe(
      resolve('/work', 'notes'),
    );
    expect(resolveAppPaths({ argv: ['app'], env, cwd: '/work' }).vaultPath).toBe('/from-env');
  });

  it('reopens the remembered vault when no flag or variable names one and it still exists', () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'paths-'));
    try {
      writeFileSync(join(stateDir, 'settings.json'), JSON.stringify({ lastVault: '/home/me/Notes' }));
      const argv = ['app', '--state-dir', stateDir];
      expect(resolveAppPaths({ argv, env: {}, isFolder: (p) => p === '/home/me/Notes' }).vaultPath).toBe(
        '/home/me/Notes',
      );
      expect(resolveAppPaths({ argv, env: {}, isFolder: () => false }).vaultPath).toBe(
        join('/fake/Documents', 'Study Notebook'),
      );
      expect(resolveAppPaths({ argv, env: { STUDY_NOTEBOOK_VAULT: '/env' }, isFolder: () => true }).vaultPath).toBe(
        '/env',
      );
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('reads the glossary from the app resources when packaged', () => {
    fakeElectron.app.isPackaged = true;
    const original = process.resourcesPath;
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/study-notebook/resources', configurable: true });
    try {
      expect(resolveAppPaths({ argv: ['app'], env: {} }).glossaryDir).toBe(
        join('/opt/study-notebook/resources', 'glossary', 'sources'),
      );
    } finally {
      Object.defineProperty(process, 'resourcesPath', { value: original, configurable: true });
    }
  });
});
