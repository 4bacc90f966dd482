import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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
    expect(config.extraResources).toContainEqual({ from: 'resources/glossary/entries', to: 'glossary/entries' });
  });
});
