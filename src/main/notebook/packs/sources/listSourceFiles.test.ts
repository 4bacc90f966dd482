import { promises as fs, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { concurrencyProbe } from '../../../testing/concurrencyProbe';
import { tempDirs } from '../../../testing/tempDirs';
import { FILE_CONCURRENCY } from '../../fs/fileConcurrency';
import { findSourceFiles, readSourceFiles } from './listSourceFiles';

const dirs = tempDirs();
afterEach(() => {
  vi.restoreAllMocks();
  dirs.cleanup();
});

describe('findSourceFiles and readSourceFiles', () => {
  it('reads a folder of many files a bounded number at a time (no EMFILE), in path order', async () => {
    const dir = dirs.make();
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `entry-${String(i).padStart(3, '0')}.md`), `# ${i}\n`);
    const probe = concurrencyProbe();
    const readFile = fs.readFile.bind(fs);
    vi.spyOn(fs, 'readFile').mockImplementation(probe.wrap(readFile) as typeof fs.readFile);
    const paths = await findSourceFiles(dir, (name) => name.endsWith('.md'));
    const files = await readSourceFiles(dir, paths);
    expect(files).toHaveLength(300);
    expect(files[299]).toEqual({ path: 'entry-299.md', bytes: Buffer.from('# 299\n') });
    expect(probe.max).toBeLessThanOrEqual(FILE_CONCURRENCY);
  });

  it('walks subfolders when asked, skipping hidden ones and never following folder links', async () => {
    const dir = dirs.make();
    mkdirSync(join(dir, 'Bio', 'Deep'), { recursive: true });
    mkdirSync(join(dir, '.obsidian'));
    writeFileSync(join(dir, 'A.md'), 'a');
    writeFileSync(join(dir, 'Bio', 'B.md'), 'b');
    writeFileSync(join(dir, 'Bio', 'Deep', 'C.md'), 'c');
    writeFileSync(join(dir, '.obsidian', 'D.md'), 'd');
    writeFileSync(join(dir, '.hidden.md'), 'e');
    symlinkSync(dir, join(dir, 'Bio', 'loop'));
    expect(await findSourceFiles(dir, (name) => name.endsWith('.md'), true)).toEqual([
      'A.md',
      'Bio/B.md',
      'Bio/Deep/C.md',
    ]);
    expect(await findSourceFiles(dir, (name) => name.endsWith('.md'))).toEqual(['A.md']);
  });
});
