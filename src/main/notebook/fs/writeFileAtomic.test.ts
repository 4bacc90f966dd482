import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { writeFileAtomic } from './writeFileAtomic';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temporary files behind', async () => {
    const dir = dirs.make();
    const file = join(dir, 'note.md');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['note.md']);
  });

  it('keeps the old content and cleans up when the write fails', async () => {
    if (process.getuid?.() === 0) {
      // root ignores folder permissions; the failure path is covered by the injected-fault tests.
      const dir = dirs.make();
      await expect(writeFileAtomic(join(dir, 'missing-folder', 'x.md'), 'x')).rejects.toThrow();
      expect(readdirSync(dir)).toEqual([]);
      return;
    }
    const dir = dirs.make();
    const file = join(dir, 'note.md');
    writeFileSync(file, 'original');
    chmodSync(dir, 0o500);
    try {
      await expect(writeFileAtomic(file, 'new')).rejects.toThrow();
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readFileSync(file, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['note.md']);
  });
});
