import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStateDir, defaultVaultPath, parseUserDirs, userDocumentsDir } from './defaultLocations';

describe('userDocumentsDir', () => {
  const userDirs = [
    '# This file is written by xdg-user-dirs-update',
    'XDG_DESKTOP_DIR="$HOME/Schreibtisch"',
    'XDG_DOCUMENTS_DIR="$HOME/Dokumente"',
  ].join('\n');

  it('reads XDG_DOCUMENTS_DIR from ~/.config/user-dirs.dirs on Linux', () => {
    const read: string[] = [];
    const dir = userDocumentsDir({
      env: {},
      platform: 'linux',
      home: '/home/me',
      readText: (path) => (read.push(path), userDirs),
    });
    expect(dir).toBe(join('/home/me', 'Dokumente'));
    expect(read).toEqual([join('/home/me', '.config', 'user-dirs.dirs')]);
  });

  it('honours XDG_CONFIG_HOME', () => {
    const read: string[] = [];
    userDocumentsDir({
      env: { XDG_CONFIG_HOME: '/cfg' },
      platform: 'linux',
      home: '/h',
      readText: (p) => (read.push(p), ''),
    });
    expect(read).toEqual([join('/cfg', 'user-dirs.dirs')]);
  });

  it('falls back to ~/Documents without the file, or on macOS and Windows', () => {
    const missing = () => {
      throw new Error('ENOENT');
    };
    expect(userDocumentsDir({ env: {}, platform: 'linux', home: '/h', readText: missing })).toBe(
      join('/h', 'Documents'),
    );
    expect(userDocumentsDir({ env: {}, platform: 'darwin', home: '/h', readText: () => userDirs })).toBe(
      join('/h', 'Documents'),
    );
  });

  it('parses absolute and $HOME entries, and refuses anything else', () => {
    expect(parseUserDirs('XDG_DOCUMENTS_DIR="/data/docs"', 'XDG_DOCUMENTS_DIR', '/h')).toBe('/data/docs');
    expect(parseUserDirs('XDG_DOCUMENTS_DIR="$HOME/"', 'XDG_DOCUMENTS_DIR', '/h')).toBe('/h');
    expect(parseUserDirs('XDG_DOCUMENTS_DIR="docs"', 'XDG_DOCUMENTS_DIR', '/h')).toBeNull();
    expect(parseUserDirs('XDG_MUSIC_DIR="/m"', 'XDG_DOCUMENTS_DIR', '/h')).toBeNull();
  });
});

describe('defaultVaultPath and defaultStateDir', () => {
  it('put the vault in the documents folder and the state in the config folder', () => {
    expect(defaultVaultPath('/h/Documents')).toBe(join('/h/Documents', 'Study Notebook'));
    expect(defaultStateDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Study Notebook'));
  });
});
