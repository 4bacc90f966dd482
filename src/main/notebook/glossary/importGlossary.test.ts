import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatEntryFile } from './entryFile';
import { GlossaryImportError } from './GlossaryImportError';
import { importGlossary } from './importGlossary';

const BANNER = ['We use cookies to personalize content and marketing.', 'Detailed Cookie Preferences', 'Accept all'];

function sourceText(
  definition: string,
  origin = 'It comes from neurochemistry.',
  mechanism = 'Receptors respond.',
): string {
  return [definition, 'Origin', origin, 'Mechanism', mechanism, ...BANNER].join('\n');
}

const ALPHA = sourceText('The Alpha Ratio is a measure of alpha.');
const BETA = sourceText(
  'Beta Balance Metrics are measures of beta.',
  'Beta research.',
  'Beta preferences shape receptor binding.',
);
const UNTITLED = sourceText('A state where alpha and beta agree.');

let root: string;
let sources: string;
let output: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'import-glossary-'));
  sources = join(root, 'sources');
  output = join(root, 'entries');
  await fs.mkdir(sources);
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function writeSources(files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [name, content] of Object.entries(files)) await fs.writeFile(join(sources, name), content);
}

/** Names, bytes and modification times: anything a write would change. */
async function snapshot(dir: string): Promise<Record<string, { bytes: string; mtimeMs: number }>> {
  const result: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const path = join(dir, name);
    result[name] = { bytes: (await fs.readFile(path)).toString('base64'), mtimeMs: (await fs.stat(path)).mtimeMs };
  }
  return result;
}

async function importError(): Promise<GlossaryImportError> {
  const error = await importGlossary(sources, output).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GlossaryImportError);
  return error as GlossaryImportError;
}

describe('importGlossary', () => {
  it('writes one <id>.md per source and returns the entries sorted by title', async () => {
    await writeSources({ '2.txt': ALPHA, '1.txt': BETA, 'notes.md': 'not a source' });
    const { entries } = await importGlossary(sources, output);
    expect(entries.map((e) => [e.title, e.id, e.source])).toEqual([
      ['Alpha Ratio', 'alpha-ratio', '2.txt'],
      ['Beta Balance Metrics', 'beta-balance-metrics', '1.txt'],
    ]);
    expect((await fs.readdir(output)).sort()).toEqual(['alpha-ratio.md', 'beta-balance-metrics.md']);
    for (const entry of entries) {
      expect(await fs.readFile(join(output, `${entry.id}.md`), 'utf8')).toBe(formatEntryFile(entry));
    }
  });

  it('keeps the sections exactly, including a scientific use of "preferences", and drops the banner', async () => {
    await writeSources({ 'b.txt': BETA });
    await importGlossary(sources, output);
    const text = await fs.readFile(join(output, 'beta-balance-metrics.md'), 'utf8');
    expect(text).toContain('\n## Mechanism\n\nBeta preferences shape receptor binding.\n');
    expect(text).not.toMatch(/cookie|consent|accept all/i);
  });

  it('applies manifest titles (marked editorial) and aliases', async () => {
    await writeSources({
      'a.txt': ALPHA,
      'u.txt': UNTITLED,
      'manifest.json': JSON.stringify({
        entries: { 'a.txt': { aliases: ['alpha/beta ratio'] }, 'u.txt': { title: 'Alpha Beta Agreement' } },
      }),
    });
    const { entries } = await importGlossary(sources, output);
    expect(entries.map((e) => [e.id, e.editorialTitle, e.aliases])).toEqual([
      ['alpha-beta-agreement', true, []],
      ['alpha-ratio', false, ['alpha/beta ratio']],
    ]);
    const text = await fs.readFile(join(output, 'alpha-beta-agreement.md'), 'utf8');
    expect(text).toContain('\ntitle: Alpha Beta Agreement\neditorialTitle: true\n');
  });

  it('is deterministic: the same pack gives byte-identical files, whatever the line endings of the sources', async () => {
    await writeSources({ 'a.txt': ALPHA, 'b.txt': BETA });
    await importGlossary(sources, output);
    const first = await snapshot(output);
    await writeSources({ 'a.txt': ALPHA.replace(/\n/g, '\r\n') });
    await importGlossary(sources, output);
    const second = await snapshot(output);
    expect(Object.fromEntries(Object.entries(second).map(([n, f]) => [n, f.bytes]))).toEqual(
      Object.fromEntries(Object.entries(first).map(([n, f]) => [n, f.bytes])),
    );
    for (const file of Object.values(second)) {
      const text = Buffer.from(file.bytes, 'base64').toString('utf8');
      expect(text).not.toContain('\r');
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
    }
  });

  it('replaces a previous import entirely: entries of removed sources disappear', async () => {
    await writeSources({ 'a.txt': ALPHA, 'b.txt': BETA });
    await importGlossary(sources, output);
    await fs.rm(join(sources, 'b.txt'));
    await importGlossary(sources, output);
    expect(await fs.readdir(output)).toEqual(['alpha-ratio.md']);
  });

  it('writes only the output folder and never touches the sources', async () => {
    await writeSources({ 'a.txt': ALPHA, 'manifest.json': '{"entries":{"a.txt":{"aliases":["AR"]}}}' });
    const before = await snapshot(sources);
    await importGlossary(sources, output);
    expect(await snapshot(sources)).toEqual(before);
    expect((await fs.readdir(root)).sort()).toEqual(['entries', 'sources']);
  });

  describe('on bad input: names the file and the problem, writes nothing', () => {
    let previousOutput: Awaited<ReturnType<typeof snapshot>>;

    beforeEach(async () => {
      // A previous good import that a failed import must leave exactly as it was.
      await writeSources({ 'a.txt': ALPHA });
      await importGlossary(sources, output);
      previousOutput = await snapshot(output);
    });

    afterEach(async () => {
      expect(await snapshot(output)).toEqual(previousOutput);
      expect((await fs.readdir(root)).sort()).toEqual(['entries', 'sources']);
    });

    async function expectFailure(message: RegExp | string): Promise<void> {
      const before = await snapshot(sources);
      const error = await importError();
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
      expect(await snapshot(sources)).toEqual(before);
    }

    it('an empty file', async () => {
      await writeSources({ 'b.txt': '' });
      await expectFailure('b.txt: file is empty');
    });

    it('a missing Origin section', async () => {
      await writeSources({ 'b.txt': 'The Beta Ratio is b.\nMechanism\nReceptors.\n' });
      await expectFailure(/^b\.txt: no "Origin" section found/);
    });

    it('a missing Mechanism section', async () => {
      await writeSources({ '004_x.txt': 'The Beta Ratio is b.\nOrigin\nNeurochemistry.\n' });
      await expectFailure(/^004_x\.txt: no "Mechanism" section found/);
    });

    it('binary data (NUL bytes)', async () => {
      await writeSources({ 'b.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
      await expectFailure(/^b\.txt: contains binary data/);
    });

    it('invalid UTF-8', async () => {
      await writeSources({ 'b.txt': Buffer.concat([Buffer.from(BETA), Buffer.from([0xc3, 0x28])]) });
      await expectFailure('b.txt: is not valid UTF-8 text');
    });

    it('two sources with the same title', async () => {
      await writeSources({ 'b.txt': sourceText('The ALPHA Ratio is also alpha.') });
      await expectFailure(/^b\.txt: its title "ALPHA Ratio" is also the title "Alpha Ratio" of a\.txt/);
    });

    it('two titles with the same id', async () => {
      await writeSources({ 'b.txt': sourceText('The Alpha-Ratio is also alpha.') });
      await expectFailure(/^b\.txt: its title "Alpha-Ratio" gives the id "alpha-ratio", which a\.txt already has/);
    });

    it('no derivable title and no manifest title', async () => {
      await writeSources({ 'u.txt': UNTITLED });
      await expectFailure(/^u\.txt: no title can be derived from the definition/);
    });

    it('a manifest that is not JSON', async () => {
      await writeSources({ 'manifest.json': '{ "entries": { "a.txt": { "title": "X" } }' });
      await expectFailure(/^manifest\.json: is not valid JSON/);
    });

    it('a manifest with an unknown key', async () => {
      await writeSources({ 'manifest.json': '{ "entries": { "a.txt": { "name": "X" } } }' });
      await expectFailure(/^manifest\.json: "entries" › "a\.txt" has an unknown key "name"/);
    });

    it('a manifest naming a source that does not exist', async () => {
      await writeSources({ 'manifest.json': '{ "entries": { "z.txt": { "title": "Zed" } } }' });
      await expectFailure(/^manifest\.json: lists "z\.txt", which is not a \.txt source/);
    });

    it('boilerplate inside a section', async () => {
      await writeSources({
        'b.txt': ['The Beta Ratio is b.', 'Origin', 'We value your privacy', 'Mechanism', 'M.'].join('\n'),
      });
      await expectFailure(/^b\.txt: line 3 in the "Origin" section looks like web-page boilerplate/);
    });

    it('a paragraph that would read as a Markdown heading', async () => {
      await writeSources({
        'b.txt': ['The Beta Ratio is b.', 'Origin', '## Not a heading', 'Mechanism', 'M.'].join('\n'),
      });
      await expectFailure(
        /^b\.txt: cannot be written as an entry file: the "Origin" section has a line that would read as a Markdown heading/,
      );
    });

    it('a source folder without sources', async () => {
      await fs.rm(join(sources, 'a.txt'));
      const before = await snapshot(sources);
      const error = await importError();
      expect(error.message).toBe(`${sources}: no .txt source files found`);
      expect(await snapshot(sources)).toEqual(before);
    });
  });

  describe('refuses dangerous output folders', () => {
    beforeEach(async () => {
      await writeSources({ 'a.txt': ALPHA });
    });

    it('the source folder itself, or a folder inside or around it', async () => {
      const before = await snapshot(sources);
      for (const target of [sources, join(sources, 'entries'), root]) {
        const error = await importGlossary(sources, target).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(GlossaryImportError);
        expect((error as Error).message).toMatch(/the output folder must be outside the source folder/);
      }
      expect(await snapshot(sources)).toEqual(before);
      expect(await fs.readdir(root)).toEqual(['sources']);
    });

    it('a folder holding files that are not glossary entries', async () => {
      await fs.mkdir(output);
      await fs.writeFile(join(output, 'thesis.docx'), 'precious');
      const error = await importError();
      expect(error.message).toBe(
        `${output}: holds "thesis.docx", which is not a glossary entry file; refusing to replace the folder (choose an empty or new output folder)`,
      );
      expect(await fs.readFile(join(output, 'thesis.docx'), 'utf8')).toBe('precious');
    });

    it('a folder of ordinary Markdown notes', async () => {
      await fs.mkdir(output);
      await fs.writeFile(join(output, 'my note.md'), '# My note\n\nText.\n');
      expect((await importError()).message).toMatch(/holds "my note\.md", which is not a glossary entry file/);
    });

    it('a file in place of the folder', async () => {
      await fs.writeFile(output, 'x');
      expect((await importError()).message).toBe(`${output}: exists and is not a folder`);
    });

    it('a missing source folder', async () => {
      const error = await importGlossary(join(root, 'nope'), output).catch((e: unknown) => e);
      expect((error as Error).message).toBe(`${join(root, 'nope')}: source folder not found`);
    });
  });
});
