import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string }>;
};

const config = parse(readFileSync(join(__dirname, '..', '..', '..', 'electron-builder.yml'), 'utf8')) as {
  asar: boolean;
  electronFuses: Record<string, boolean>;
  extraResources: Array<{ from: string; to: string }>;
};

describe('the packaging config', () => {
  it('flips every fuse a packaged app should flip', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs the app into an asar archive and ships the glossary where the app reads it', () => {
    expect(config.asar).toBe(true);
    expect(config.extraResources).toContainEqual({ from: 'resources/glossary/sources', to: 'glossary/sources' });
  });

  it('packages with the electron-builder pinned in the lockfile, never one fetched by npx at run time', () => {
    expect(pkg.scripts.package).toMatch(/(^|&& )electron-builder --config electron-builder\.yml$/);
    expect(pkg.scripts.package).not.toMatch(/npx/);
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['node_modules/electron-builder']?.version).toBe(pkg.devDependencies['electron-builder']);
  });
});
