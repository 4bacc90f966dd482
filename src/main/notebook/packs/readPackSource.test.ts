import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_GLOSSARY, tempDirs } from '../../testing/tempDirs';
import { normalizeDraft } from './normalizeDraft';
import type { DraftEntry } from './DraftEntry';
import { PackImportError } from './PackImportError';
import { readPackSource } from './readPackSource';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dirs = tempDirs();
afterEach(() => dirs.cleanup());

/** Entries as they would be stored (normalized), in the shape tests compare. */
function stored(entries: DraftEntry[]) {
  return entries.map((draft) => {
    const entry = normalizeDraft(draft);
    if ('reason' in entry) return { left: entry.reason, line: draft.at?.line };
    const { title, definition, aliases, tags, sections } = entry;
    return { title, definition, aliases, tags, sections: sections.map((s) => `${s.heading}: ${s.text}`) };
  });
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackImportError);
  return (error as Error).message;
}

function tempFile(name: string, bytes: Uint8Array | string): string {
  const path = join(dirs.make(), name);
  writeFileSync(path, bytes);
  return path;
}

describe('readPackSource', () => {
  it('reads a CSV with a BOM, CRLF, a header, quoted commas, semicolons, doubled quotes and line breaks', async () => {
    const { parsed, name, hash } = await readPackSource(join(FIXTURES, 'glossary-quoted.csv'));
    expect(name).toBe('glossary-quoted.csv');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(parsed).toMatchObject({ format: 'csv', encoding: 'utf-8', encodingDetected: true, separator: ',' });
    expect(parsed.columns).toEqual([
      { name: 'Term', role: 'term' },
      { name: 'Definition', role: 'definition' },
      { name: 'Aliases', role: 'aliases' },
      { name: 'Tags', role: 'tags' },
      { name: 'Example', role: 'section' },
    ]);
    expect(stored(parsed.entries)).toEqual([
      {
        title: 'Synapse',
        definition: 'The junction between two neurons, where signals pass.',
        aliases: ['synaptic cleft', 'junction'],
        tags: ['neuro'],
        sections: ['Example: Chemical synapses use neurotransmitters;\nelectrical ones use gap junctions.'],
      },
      {
        title: 'Action potential',
        definition:
          'A brief reversal of the membrane potential.\n\nIt travels along the axon, without losing strength.',
        aliases: ['AP', 'spike'],
        tags: ['neuro', 'physiology'],
        sections: [],
      },
      { left: 'no term', line: 7 },
      {
        title: 'Myelin',
        definition: 'Said to be "insulation", roughly; it speeds conduction.',
        aliases: [],
        tags: ['glia'],
        sections: [],
      },
      { left: 'no definition for “Empty definition”', line: 10 },
    ]);
    expect(parsed.problems).toEqual([
      { line: 9, reason: '7 fields where the header names 5: a comma inside a field that is not quoted?' },
    ]);
    expect(parsed.entries[1]!.source).toBe('glossary-quoted.csv, line 4');
  });

  it('reads a Quizlet export with tabs, splitting each row at its first tab only', async () => {
    const { parsed } = await readPackSource(join(FIXTURES, 'quizlet-export.txt'));
    expect(parsed.format).toBe('tsv');
    expect(stored(parsed.entries).map((e) => ('title' in e ? [e.title, e.definition] : e))).toEqual([
      ['Synapse', 'The junction between two neurons, where a signal passes from one to the other.'],
      [
        'Axon',
        'A long projection of a neuron that carries impulses away from the cell body, often "insulated" by myelin.',
      ],
      ['Dopamine', 'A neurotransmitter; involved in reward, motivation, and movement.'],
      ['bank', 'The land alongside a river.'],
      ['bank', 'An institution that keeps money, lends it, and exchanges it.'],
      ['Glia', 'Cells that support neurons, e.g. "astrocytes" and oligodendrocytes.'],
    ]);
    expect(parsed.problems).toEqual([
      { line: 6, reason: 'a single field: no tab separates the term from its definition' },
    ]);

    const quizlet = await readPackSource(join(FIXTURES, 'quizlet-export.txt'), { format: 'quizlet' });
    expect(quizlet.parsed.entries).toHaveLength(6);
    expect(quizlet.parsed.problems).toEqual([{ line: 6, reason: 'no tab between term and definition' }]);
  });

  it('reads a Quizlet export with custom separators between term and definition and between rows', async () => {
    const { parsed } = await readPackSource(join(FIXTURES, 'quizlet-custom.txt'), {
      format: 'quizlet',
      separator: ' - ',
      rowSeparator: ';;',
    });
    expect(stored(parsed.entries).map((e) => ('title' in e ? [e.title, e.definition] : e))).toEqual([
      ['Synapse', 'The junction between two neurons.\nSignals cross it chemically or electrically.'],
      ['Axon', 'Carries impulses away from the cell body; often myelinated.'],
      ['Soma', 'The cell body.'],
    ]);
    expect(parsed.problems).toEqual([{ line: 2, reason: 'no “ - ” between term and definition' }]);
  });

  it('reads an Anki export: its headers, its special columns, HTML reduced to text, cloze answers', async () => {
    const { parsed } = await readPackSource(join(FIXTURES, 'anki-notes.txt'));
    expect(parsed.format).toBe('anki');
    expect(parsed.columns.map((c) => `${c.name}:${c.role}`)).toEqual([
      'guid:ignored',
      'notetype:ignored',
      'deck:ignored',
      'Front:term',
      'Back:definition',
      'tags:tags',
    ]);
    expect(stored(parsed.entries)).toEqual([
      {
        title: 'Action potential',
        definition: 'A brief electrical impulse.\nIt travels along the axon.\n\nSecond paragraph & more.',
        aliases: [],
        tags: ['neuro', 'physiology'],
        sections: [],
      },
      {
        title: 'Myelin sheath',
        definition: '• Speeds conduction\n• Made by glia\n\nmyelin diagram',
        aliases: [],
        tags: ['neuro'],
        sections: [],
      },
      {
        title: 'GABA; the brake',
        definition: 'The main inhibitory neurotransmitter.\nSaid "gaba".\nA second line.',
        aliases: [],
        tags: ['chemistry'],
        sections: [],
      },
      { left: 'no term', line: 11 },
    ]);
    expect(JSON.stringify(parsed.entries)).not.toMatch(/<|alert|onerror/);
  });

  it('reads a folder of Markdown files: titles from front matter, first heading or file name', async () => {
    const { parsed } = await readPackSource(join(FIXTURES, 'markdown-notes'));
    expect(parsed.format).toBe('markdown');
    expect(stored(parsed.entries)).toEqual([
      {
        title: 'Axon',
        definition:
          'A long projection of a neuron that carries impulses away from the cell body.\n\n```\n## not a section: inside a code block\n```',
        aliases: [],
        tags: [],
        sections: ['Origin: From Greek *axōn*, "axis".'],
      },
      {
        title: 'Synapse',
        definition: 'The junction between two neurons.',
        aliases: [],
        tags: [],
        sections: ['Types: Chemical and electrical.'],
      },
      {
        title: 'Cell: the unit of life',
        definition: 'The smallest unit that can live on its own.',
        aliases: ['Cell', 'Cells'],
        tags: ['biology', 'basics'],
        sections: ['Example: A neuron is a cell.'],
      },
      { left: 'no definition for “Empty”', line: undefined },
    ]);
    expect(parsed.entries.map((e) => e.source)).toEqual(['Axon.md', 'Biology/Synapse.md', 'Cells.md', 'Empty.md']);
  });

  it('reads the web-page texts the shipped glossary comes from', async () => {
    const { parsed } = await readPackSource(SHIPPED_GLOSSARY);
    expect(parsed.format).toBe('webtext');
    expect(parsed.entries.map((e) => e.title)).toContain('GABA Glutamate Ratio');
    expect(parsed.problems).toEqual([]);
  });

  it('detects UTF-16 (with and without a BOM) and falls back to windows-1252, or uses the encoding given', async () => {
    const text = 'term\tdefinition\nCafé\tA place for coffee – and “talk”.\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const withBom = await readPackSource(tempFile('excel.txt', utf16));
    expect(withBom.parsed).toMatchObject({ encoding: 'utf-16le', encodingDetected: true });
    expect(withBom.parsed.entries[0]).toMatchObject({ title: 'Café', definition: 'A place for coffee – and “talk”.' });
    const noBom = await readPackSource(tempFile('excel.txt', Buffer.from(text, 'utf16le')));
    expect(noBom.parsed.encoding).toBe('utf-16le');
    expect(noBom.parsed.entries[0]?.title).toBe('Café');

    const cp1252 = Buffer.from([
      ...Buffer.from('term;definition\nCaf', 'latin1'),
      0xe9,
      ...Buffer.from(';A place ', 'latin1'),
      0x96,
      ...Buffer.from(' for ', 'latin1'),
      0x93,
      ...Buffer.from('coffee', 'latin1'),
      0x94,
      0x0a,
    ]);
    const legacy = await readPackSource(tempFile('old.csv', cp1252));
    expect(legacy.parsed).toMatchObject({ encoding: 'windows-1252', encodingDetected: true, separator: ';' });
    expect(legacy.parsed.entries[0]).toMatchObject({ title: 'Café', definition: 'A place – for “coffee”' });

    const given = await readPackSource(tempFile('old.csv', cp1252), { encoding: 'latin1' });
    expect(given.parsed).toMatchObject({ encoding: 'windows-1252', encodingDetected: false });
    expect(await failure(readPackSource(tempFile('old.csv', cp1252), { encoding: 'utf-8' }))).toBe(
      'old.csv: the file is not valid utf-8 text. Choose another encoding, or let it be detected.',
    );
    expect(await failure(readPackSource(tempFile('old.csv', cp1252), { encoding: 'klingon' }))).toMatch(
      /“klingon” is not an encoding/,
    );
  });

  it('refuses a broken file as a whole, saying where and why', async () => {
    expect(await failure(readPackSource(join(FIXTURES, 'broken-unclosed.csv')))).toBe(
      'broken-unclosed.csv, line 4: a quoted field opened here is never closed, so nothing after it can be read. Close the quote (a quote inside a quoted field is written twice: "").',
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await failure(readPackSource(tempFile('deck.csv', png)))).toMatch(/^deck\.csv: this is binary data/);
    expect(await failure(readPackSource(tempFile('empty.tsv', ' \n\n')))).toBe('empty.tsv: the file is empty.');
    expect(await failure(readPackSource(join(dirs.make(), 'missing.csv')))).toMatch(/missing\.csv does not exist\./);
    expect(await failure(readPackSource(dirs.make()))).toMatch(/no Markdown \(\.md\) or text \(\.txt\) files found/);
    expect(await failure(readPackSource(FIXTURES, { format: 'csv' }))).toMatch(/is a folder/);
    expect(await failure(readPackSource(join(FIXTURES, 'glossary-quoted.csv'), { separator: ';;' }))).toMatch(
      /must be one character/,
    );
  });

  it('reports its progress while reading a large table', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `term ${i}\tdefinition ${i}`).join('\n');
    const seen: string[] = [];
    const { parsed } = await readPackSource(tempFile('big.tsv', rows), {}, (phase, done, total) =>
      seen.push(`${phase}:${done === total ? 'end' : 'part'}`),
    );
    expect(parsed.entries).toHaveLength(10_000);
    expect(seen).toContain('parsing:part');
    expect(seen.at(-1)).toBe('parsing:end');
  });
});
