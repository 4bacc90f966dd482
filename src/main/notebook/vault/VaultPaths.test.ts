import { mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotebookError } from '@shared/api/errors';
import { tempDirs } from '../../testing/tempDirs';
import { nodeVaultFs } from '../fs/VaultFs';
import { isInside, VaultPaths } from './VaultPaths';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

function setUp() {
  const base = realpathSync(dirs.make());
  const vault = join(base, 'vault');
  const outside = join(base, 'outside');
  mkdirSync(vault);
  mkdirSync(outside);
  writeFileSync(join(outside, 'Secret.md'), 'secret');
  return { base, vault, outside, paths: new VaultPaths(nodeVaultFs, vault) };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof NotebookError) return error.code;
    throw error;
  }
}

describe('isInside', () => {
  it.each([
    ['/v', '/v', true],
    ['/v', '/v/a/b', true],
    ['/v', '/v2/a', false],
    ['/v', '/', false],
    ['/v/a', '/v', false],
    ['/v', '/v/..a', true],
  ])('%s contains %s: %s', (parent, child, expected) => {
    expect(isInside(parent, child)).toBe(expected);
  });
});

describe('VaultPaths', () => {
  it('resolves notes inside the vault for reading and writing', async () => {
    const { vault, paths } = setUp();
    mkdirSync(join(vault, 'Bio'));
    writeFileSync(join(vault, 'Bio', 'Cells.md'), 'x');
    await expect(paths.forRead('Bio/Cells.md')).resolves.toBe(join(vault, 'Bio', 'Cells.md'));
    await expect(paths.forWrite('Bio/Cells.md', { createFolders: false })).resolves.toEqual({
      abs: join(vault, 'Bio', 'Cells.md'),
      exists: true,
    });
    await expect(paths.forWrite('Bio/New.md', { createFolders: false })).resolves.toEqual({
      abs: join(vault, 'Bio', 'New.md'),
      exists: false,
    });
  });

  it('refuses a file link leading outside the vault, for reads and writes', async () => {
    const { vault, outside, paths } = setUp();
    symlinkSync(join(outside, 'Secret.md'), join(vault, 'Leak.md'));
    expect(await code(paths.forRead('Leak.md'))).toBe('invalid-arguments');
    expect(await code(paths.forWrite('Leak.md', { createFolders: false }))).toBe('invalid-arguments');
  });

  it('refuses a folder link leading outside, and never creates folders through it', async () => {
    const { vault, outside, paths } = setUp();
    symlinkSync(outside, join(vault, 'Linked'));
    expect(await code(paths.forRead('Linked/Secret.md'))).toBe('invalid-arguments');
    expect(await code(paths.forWrite('Linked/New/Deep.md', { createFolders: true }))).toBe('invalid-arguments');
    expect(readdirSync(outside)).toEqual(['Secret.md']);
  });

  it('refuses a dangling link rather than writing through it', async () => {
    const { vault, outside, paths } = setUp();
    symlinkSync(join(outside, 'Nothing.md'), join(vault, 'Dangling.md'));
    symlinkSync(join(outside, 'NoFolder'), join(vault, 'DanglingFolder'));
    expect(await code(paths.forRead('Dangling.md'))).toBe('invalid-arguments');
    expect(await code(paths.forWrite('Dangling.md', { createFolders: false }))).toBe('invalid-arguments');
    expect(await code(paths.forWrite('DanglingFolder/x.md', { createFolders: true }))).toBe('invalid-arguments');
    expect(readdirSync(outside)).toEqual(['Secret.md']);
  });

  it('follows links that stay inside the vault', async () => {
    const { vault, paths } = setUp();
    writeFileSync(join(vault, 'Real.md'), 'x');
    symlinkSync(join(vault, 'Real.md'), join(vault, 'Alias.md'));
    await expect(paths.forRead('Alias.md')).resolves.toBe(join(vault, 'Real.md'));
  });

  it('creates missing folders one level at a time', async () => {
    const { vault, paths } = setUp();
    await paths.forWrite('A/B/C/Note.md', { createFolders: true });
    expect(readdirSync(join(vault, 'A', 'B'))).toEqual(['C']);
    expect(await code(paths.forWrite('X/Note.md', { createFolders: false }))).toBe('not-found');
  });

  it('refuses a file where a folder should be, and a folder where a note should be', async () => {
    const { vault, paths } = setUp();
    writeFileSync(join(vault, 'File'), 'x');
    mkdirSync(join(vault, 'Dir.md'));
    expect(await code(paths.forWrite('File/Note.md', { createFolders: true }))).toBe('invalid-arguments');
    expect(await code(paths.forWrite('Dir.md', { createFolders: false }))).toBe('invalid-arguments');
  });

  it('refuses writes into protected folders inside the vault', async () => {
    const { vault } = setUp();
    mkdirSync(join(vault, 'glossary'));
    const paths = new VaultPaths(nodeVaultFs, vault, [join(vault, 'glossary')]);
    expect(await code(paths.forWrite('glossary/entry.md', { createFolders: false }))).toBe('read-only');
  });

  it('refuses a new folder under a protected folder before creating it', async () => {
    const { vault } = setUp();
    mkdirSync(join(vault, 'glossary'));
    const paths = new VaultPaths(nodeVaultFs, vault, [join(vault, 'glossary')]);
    expect(await code(paths.forWrite('glossary/New/Deeper/entry.md', { createFolders: true }))).toBe('read-only');
    expect(await code(paths.forFolder('glossary/New', { createFolders: true }))).toBe('read-only');
    expect(readdirSync(join(vault, 'glossary'))).toEqual([]);
  });

  it('refuses a loop of symbolic links as a bad path (invalid-arguments), never as a disk failure', async () => {
    const { vault, paths } = setUp();
    symlinkSync('Loop.md', join(vault, 'Loop.md'));
    symlinkSync('B.md', join(vault, 'A.md'));
    symlinkSync('A.md', join(vault, 'B.md'));
    symlinkSync('Cycle', join(vault, 'Cycle'));
    expect(await code(paths.forRead('Loop.md'))).toBe('invalid-arguments');
    expect(await code(paths.forRead('A.md'))).toBe('invalid-arguments');
    expect(await code(paths.forRead('Cycle/x.md'))).toBe('invalid-arguments');
    expect(await code(paths.forWrite('Loop.md', { createFolders: false }))).toBe('invalid-arguments');
    expect(await code(paths.forWrite('Cycle/x.md', { createFolders: true }))).toBe('invalid-arguments');
    expect(await code(paths.forFolder('Cycle/Sub', { createFolders: true }))).toBe('invalid-arguments');
    const error = await paths.forRead('Loop.md').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/loop of symbolic links/);
  });

  it('reports a vanished vault as io-failure', async () => {
    const { base } = setUp();
    const paths = new VaultPaths(nodeVaultFs, join(base, 'missing'));
    expect(await code(paths.root())).toBe('io-failure');
  });
});
