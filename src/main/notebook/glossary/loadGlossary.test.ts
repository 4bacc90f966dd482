import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { concurrencyProbe } from '../../testing/concurrencyProbe';
import { FILE_CONCURRENCY } from '../fs/fileConcurrency';
import { formatEntryFile, MalformedEntryError } from './entryFile';
import { loadGlossary } from './loadGlossary';

function entry(id: string, title: string): GlossaryEntry {
  return {
    id,
    title,
    aliases: [],
    source: `${id}.txt`,
    editorialTitle: false,
    definition: `${title} is a thing.`,
    sections: [{ heading: 'Origin', text: 'Somewhere.' }],
  };
}

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'load-glossary-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function write(...entries: GlossaryEntry[]): Promise<void> {
  for (const e of entries) await fs.writeFile(join(dir, `${e.id}.md`), formatEntryFile(e));
}

describe('loadGlossary', () => {
  it('opens a bounded number of entry files at once, however many there are (no EMFILE)', async () => {
    const many = Array.from({ length: 300 }, (_, i) => entry(`entry-${i}`, `Entry ${i}`));
    await write(...many);
    const probe = concurrencyProbe();
    const readFile = fs.readFile.bind(fs);
    const spy = vi.spyOn(fs, 'readFile').mockImplementation(probe.wrap(readFile) as typeof fs.readFile);
    try {
      expect(await loadGlossary(dir)).toHaveLength(300);
    } finally {
      spy.mockRestore();
    }
    expect(probe.calls).toBe(300);
    expect(probe.max).toBeLessThanOrEqual(FILE_CONCURRENCY);
  });

  it('reads every entry file, sorted by title case-insensitively', async () => {
    await write(entry('zeta', 'zeta'), entry('alpha', 'Alpha'), entry('beta', 'beta'), entry('gaba', 'GABA'));
    const entries = await loadGlossary(dir);
    expect(entries.map((e) => e.title)).toEqual(['Alpha', 'beta', 'GABA', 'zeta']);
    expect(entries[0]).toEqual(entry('alpha', 'Alpha'));
  });

  it('ignores files that are not Markdown, and folders', async () => {
    await write(entry('alpha', 'Alpha'));
    await fs.writeFile(join(dir, '.DS_Store'), 'x');
    await fs.writeFile(join(dir, 'README.txt'), 'x');
    await fs.mkdir(join(dir, 'sub.md'));
    expect((await loadGlossary(dir)).map((e) => e.id)).toEqual(['alpha']);
  });

  it('returns no entries for an empty folder', async () => {
    expect(await loadGlossary(dir)).toEqual([]);
  });

  it('names the malformed file in its error', async () => {
    await write(entry('alpha', 'Alpha'));
    await fs.writeFile(join(dir, 'broken.md'), 'no front matter\n');
    const error = await loadGlossary(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedEntryError);
    expect((error as Error).message).toBe(`${join(dir, 'broken.md')}: does not start with a "---" front matter block`);
  });

  it('rejects an entry whose id differs from its file name', async () => {
    await fs.writeFile(join(dir, 'other-name.md'), formatEntryFile(entry('alpha', 'Alpha')));
    await expect(loadGlossary(dir)).rejects.toThrow(
      `${join(dir, 'other-name.md')}: its id "alpha" does not match the file name (expected "alpha.md")`,
    );
  });

  it('always reports the same file when several are broken', async () => {
    await fs.writeFile(join(dir, 'b.md'), 'broken');
    await fs.writeFile(join(dir, 'a.md'), 'broken');
    await expect(loadGlossary(dir)).rejects.toThrow(`${join(dir, 'a.md')}: `);
  });

  it('names the folder when it cannot be read', async () => {
    const missing = join(dir, 'missing');
    await expect(loadGlossary(missing)).rejects.toThrow(`Cannot read the glossary folder ${missing}: `);
  });
});
