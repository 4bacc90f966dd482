import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { MAX_REMEMBERED_VAULTS, readSettings, SettingsStore } from './SettingsStore';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('SettingsStore', () => {
  it('remembers the last vault in settings.json, written atomically', async () => {
    const dir = join(dirs.make(), 'state');
    const store = new SettingsStore(dir);
    expect(store.read()).toEqual({});
    await store.update({ lastVault: '/home/me/Notes' });
    expect(readSettings(dir)).toEqual({ lastVault: '/home/me/Notes' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ lastVault: '/home/me/Notes' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps the last of concurrent updates', async () => {
    const dir = dirs.make();
    const store = new SettingsStore(dir);
    await Promise.all(['/a', '/b', '/c'].map((lastVault) => store.update({ lastVault })));
    expect(readSettings(dir)).toEqual({ lastVault: '/c' });
  });

  it('remembers the vaults opened, most recent first, without duplicates, up to the limit', async () => {
    const dir = dirs.make();
    const store = new SettingsStore(dir);
    await store.rememberVault('/a');
    await store.rememberVault('/b');
    await store.rememberVault('/a');
    expect(readSettings(dir)).toEqual({ lastVault: '/a', vaults: ['/a', '/b'] });
    for (let i = 0; i < MAX_REMEMBERED_VAULTS + 5; i++) await store.rememberVault(`/v${i}`);
    const { vaults } = readSettings(dir);
    expect(vaults).toHaveLength(MAX_REMEMBERED_VAULTS);
    expect(vaults?.[0]).toBe(`/v${MAX_REMEMBERED_VAULTS + 4}`);
  });

  it('drops remembered vaults that are not absolute paths', () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ lastVault: '/a', vaults: ['/a', 'relative', '/b'] }));
    expect(readSettings(dir)).toEqual({ lastVault: '/a', vaults: ['/a', '/b'] });
  });

  it.each([
    ['not JSON', '{oops'],
    ['an array', '[]'],
    ['a wrong type', '{"lastVault": 5}'],
    ['an unknown key', '{"lastVault": "/a", "evil": true}'],
    ['a relative path', '{"lastVault": "Notes"}'],
  ])('gives the defaults for %s', (_label, text) => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'settings.json'), text);
    expect(readSettings(dir)).toEqual({});
  });
});
