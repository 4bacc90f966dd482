import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceDirectory } from './replaceDirectory';

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'replace-directory-'));
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function listing(dir: string): Promise<Record<string, string>> {
  const names = (await fs.readdir(dir)).sort();
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await fs.readFile(join(dir, n), 'utf8')])));
}

describe('replaceDirectory', () => {
  it('creates the folder (and its parents) with exactly the given files', async () => {
    const dir = join(root, 'a', 'b', 'out');
    await replaceDirectory(
      dir,
      new Map([
        ['x.md', 'X\n'],
        ['y.md', 'Y\n'],
      ]),
    );
    expect(await listing(dir)).toEqual({ 'x.md': 'X\n', 'y.md': 'Y\n' });
  });

  it('replaces an existing folder entirely: stale files disappear', async () => {
    const dir = join(root, 'out');
    await fs.mkdir(dir);
    await fs.writeFile(join(dir, 'stale.md'), 'old');
    await fs.writeFile(join(dir, 'x.md'), 'old x');
    await replaceDirectory(dir, new Map([['x.md', 'new x']]));
    expect(await listing(dir)).toEqual({ 'x.md': 'new x' });
  });

  it('leaves no staging or backup folders behind', async () => {
    const dir = join(root, 'out');
    await replaceDirectory(dir, new Map([['x.md', '1']]));
    await replaceDirectory(dir, new Map([['x.md', '2']]));
    expect(await fs.readdir(root)).toEqual(['out']);
  });

  it('refuses names that would escape the folder, before touching anything', async () => {
    const dir = join(root, 'out');
    await fs.mkdir(dir);
    await fs.writeFile(join(dir, 'keep.md'), 'keep');
    await expect(
      replaceDirectory(
        dir,
        new Map([
          ['a.md', 'A'],
          ['../b.md', 'B'],
        ]),
      ),
    ).rejects.toThrow(/plain file name/);
    expect(await listing(dir)).toEqual({ 'keep.md': 'keep' });
    expect(await fs.readdir(root)).toEqual(['out']);
  });

  it('leaves the existing folder untouched and no staging folder behind when a file cannot be written', async () => {
    const dir = join(root, 'out');
    await fs.mkdir(dir);
    await fs.writeFile(join(dir, 'keep.md'), 'keep');
    const tooLongName = `${'x'.repeat(300)}.md`;
    await expect(
      replaceDirectory(
        dir,
        new Map([
          ['a.md', 'A'],
          [tooLongName, 'B'],
        ]),
      ),
    ).rejects.toThrow();
    expect(await listing(dir)).toEqual({ 'keep.md': 'keep' });
    expect(await fs.readdir(root)).toEqual(['out']);
  });
});
