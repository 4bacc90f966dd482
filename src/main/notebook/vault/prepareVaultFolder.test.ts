import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refusal } from '@shared/api/testing/refusal';
import { tempDirs } from '../../testing/tempDirs';
import { prepareVaultFolder } from './prepareVaultFolder';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

function rules() {
  const base = dirs.make();
  const stateDir = join(base, 'state');
  const glossaryDir = join(base, 'app', 'glossary');
  mkdirSync(stateDir);
  mkdirSync(glossaryDir, { recursive: true });
  return { base, stateDir, glossaryDir };
}

describe('prepareVaultFolder', () => {
  it('accepts an existing folder and creates a missing one', async () => {
    const r = rules();
    await expect(prepareVaultFolder(r.base, r)).resolves.toBe(r.base);
    const fresh = join(r.base, 'New', 'Vault');
    await expect(prepareVaultFolder(`${fresh}/`, r)).resolves.toBe(fresh);
    expect(existsSync(fresh)).toBe(true);
  });

  it('expands ~/', async () => {
    const r = rules();
    await expect(prepareVaultFolder('~', r)).resolves.toBe(resolve(homedir()));
  });

  it.each([
    ['a relative path', () => 'Notes', 'invalid-arguments', /full path/],
    ['the root of a disk', () => '/', 'invalid-arguments', /not the root/],
  ])('refuses %s', async (_label, path, code, message) => {
    const error = await refusal(prepareVaultFolder(path(), rules()));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses a file', async () => {
    const r = rules();
    writeFileSync(join(r.base, 'file'), 'x');
    expect((await refusal(prepareVaultFolder(join(r.base, 'file'), r))).message).toMatch(/is a file/);
  });

  it('refuses the state folder and anything inside it, without creating it', async () => {
    const r = rules();
    expect((await refusal(prepareVaultFolder(r.stateDir, r))).message).toMatch(/state folder/);
    const inside = join(r.stateDir, 'vaults', 'mine');
    expect((await refusal(prepareVaultFolder(inside, r))).message).toMatch(/state folder/);
    expect(existsSync(inside)).toBe(false);
  });

  it('refuses the glossary folder and anything inside it', async () => {
    const r = rules();
    expect((await refusal(prepareVaultFolder(r.glossaryDir, r))).message).toMatch(/glossary/);
    expect((await refusal(prepareVaultFolder(join(r.glossaryDir, 'x'), r))).message).toMatch(/glossary/);
  });
});
