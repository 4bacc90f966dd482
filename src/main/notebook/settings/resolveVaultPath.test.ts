import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveVaultPath, type VaultChoiceInput } from './resolveVaultPath';

const base: VaultChoiceInput = {
  env: { HOME: '/home/me' },
  documentsDir: '/home/me/Documents',
  cwd: '/work',
  isFolder: () => true,
};

describe('resolveVaultPath', () => {
  it('prefers the --vault flag, resolving it against the working folder', () => {
    expect(
      resolveVaultPath({ ...base, flag: 'notes', env: { STUDY_NOTEBOOK_VAULT: '/env' }, remembered: '/last' }),
    ).toEqual({ path: resolve('/work', 'notes'), source: 'flag' });
  });

  it('then STUDY_NOTEBOOK_VAULT', () => {
    expect(resolveVaultPath({ ...base, env: { STUDY_NOTEBOOK_VAULT: '/env' }, remembered: '/last' })).toEqual({
      path: resolve('/env'),
      source: 'env',
    });
  });

  it('then the remembered vault, if it still exists', () => {
    expect(resolveVaultPath({ ...base, remembered: '/last' })).toEqual({
      path: resolve('/last'),
      source: 'remembered',
    });
    expect(resolveVaultPath({ ...base, remembered: '/last', isFolder: () => false })).toEqual({
      path: join('/home/me/Documents', 'Study Notebook'),
      source: 'default',
    });
  });

  it('then "Study Notebook" in the documents folder', () => {
    expect(resolveVaultPath(base)).toEqual({ path: join('/home/me/Documents', 'Study Notebook'), source: 'default' });
  });

  it('expands ~/ and ignores blank values', () => {
    expect(resolveVaultPath({ ...base, flag: '~/Notes' }).path).toBe(resolve('/home/me', 'Notes'));
    expect(resolveVaultPath({ ...base, flag: '  ', env: { STUDY_NOTEBOOK_VAULT: '' } }).source).toBe('default');
  });
});
