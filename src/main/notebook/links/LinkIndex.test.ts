import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocRef } from '@shared/domain/docRef';
import type { EntrySummary } from '@shared/domain/glossary';
import { linkRecordOf } from './linkRecord';
import { LinkIndex } from './LinkIndex';

const ENTRIES: EntrySummary[] = [
  { id: 'gaba-glutamate-ratio', title: 'GABA Glutamate Ratio', aliases: ['GABA/glutamate ratio'] },
  { id: 'mitosis', title: 'Mitosis', aliases: ['cell division'] },
];

function indexOf(notes: Record<string, string | { text: string; aliases: string[] }>): LinkIndex {
  const index = new LinkIndex();
  index.setEntries(ENTRIES);
  for (const [path, note] of Object.entries(notes))
    put(index, path, typeof note === 'string' ? note : note.text, typeof note === 'string' ? [] : note.aliases);
  return index;
}

function put(index: LinkIndex, path: string, text: string, aliases: string[]): void {
  index.put({ path, aliases, version: 'v', modified: '2024-01-01T00:00:00.000Z' }, linkRecordOf(path, text));
}

const note = (path: string): DocRef => ({ kind: 'note', path });
const entry = (id: string): DocRef => ({ kind: 'entry', id });

describe('LinkIndex resolution', () => {
  it('resolves note titles, paths and aliases case-insensitively', () => {
    const index = indexOf({
      'Biology/Cells.md': { text: '', aliases: ['Cell', 'The Cell'] },
      'Mitosis notes.md': '',
    });
    expect(index.resolve('cells', null)).toEqual(note('Biology/Cells.md'));
    expect(index.resolve('BIOLOGY/cells.md', null)).toEqual(note('Biology/Cells.md'));
    expect(index.resolve('biology\\Cells', null)).toEqual(note('Biology/Cells.md'));
    expect(index.resolve('the  cell', null)).toEqual(note('Biology/Cells.md'));
    expect(index.resolve('Mitosis Notes', null)).toEqual(note('Mitosis notes.md'));
    expect(index.resolve('Nothing', null)).toBeNull();
  });

  it('resolves glossary titles, aliases and the explicit glossary: form', () => {
    const index = indexOf({});
    expect(index.resolve('gaba glutamate ratio', null)).toEqual(entry('gaba-glutamate-ratio'));
    expect(index.resolve('GABA/Glutamate Ratio', null)).toEqual(entry('gaba-glutamate-ratio'));
    expect(index.resolve('glossary:mitosis', null)).toEqual(entry('mitosis'));
    expect(index.resolve('glossary:nope', null)).toBeNull();
  });

  it('lets a note beat an entry of the same name, and an entry title beat a note alias', () => {
    const index = indexOf({
      'Mine/Mitosis.md': '',
      'Ratio notes.md': { text: '', aliases: ['GABA Glutamate Ratio'] },
    });
    expect(index.resolve('Mitosis', null)).toEqual(note('Mine/Mitosis.md'));
    expect(index.resolve('glossary:mitosis', null)).toEqual(entry('mitosis'));
    expect(index.resolve('GABA Glutamate Ratio', null)).toEqual(entry('gaba-glutamate-ratio'));
  });

  it('prefers a note title over another note alias', () => {
    const index = indexOf({ 'Cells.md': '', 'Other.md': { text: '', aliases: ['Cells'] } });
    expect(index.resolve('Cells', 'Other.md')).toEqual(note('Cells.md'));
  });

  it('picks among same-named notes like Obsidian: exact path, same folder, shortest path, alphabetical', () => {
    const index = indexOf({
      'Note.md': '',
      'a/Note.md': '',
      'a/b/Note.md': '',
      'zzzz/Note.md': '',
      'zzzz/deep/x.md': '',
      'b/Other.md': '',
      'b/Other2.md': '',
      'c/Other.md': '',
    });
    // An exact vault path wins, even over a note beside the linking one.
    expect(index.resolve('Note', 'a/x.md')).toEqual(note('Note.md'));
    expect(index.resolve('a/b/Note', 'zzzz/x.md')).toEqual(note('a/b/Note.md'));
    // Then the linking note's own folder; an ancestor folder counts for nothing.
    expect(index.resolve('Other', 'c/x.md')).toEqual(note('c/Other.md'));
    expect(index.resolve('Other', 'b/x.md')).toEqual(note('b/Other.md'));
    // Then the shortest path, then alphabetical.
    expect(index.resolve('Other', 'zzzz/deep/x.md')).toEqual(note('b/Other.md'));
    expect(index.resolve('b/Note', 'x.md')).toEqual(note('a/b/Note.md'));
  });

  it('reads relative and vault-absolute paths', () => {
    const index = indexOf({ 'a/b/Note.md': '', 'a/Note.md': '', 'Top.md': '' });
    expect(index.resolve('./Note', 'a/b/x.md')).toEqual(note('a/b/Note.md'));
    expect(index.resolve('../Note', 'a/b/x.md')).toEqual(note('a/Note.md'));
    expect(index.resolve('../../Top', 'a/b/x.md')).toEqual(note('Top.md'));
    expect(index.resolve('../../../Top', 'a/b/x.md')).toBeNull();
    expect(index.resolve('/a/Note', 'a/b/x.md')).toEqual(note('a/Note.md'));
    expect(index.resolve('/Note', 'a/b/x.md')).toBeNull();
  });

  it('keeps a note named "x.md" apart from "x"', () => {
    const index = indexOf({ 'x.md': '', 'x.md.md': '' });
    expect(index.resolve('x', null)).toEqual(note('x.md'));
    expect(index.resolve('x.md', null)).toEqual(note('x.md'));
    expect(index.resolve('x.md.md', null)).toEqual(note('x.md.md'));
  });

  it('changes what a link resolves to as notes come and go', () => {
    const index = indexOf({ 'a/Source.md': 'See [[Cells]].', 'Cells.md': '' });
    expect(index.resolve('Cells', 'a/Source.md')).toEqual(note('Cells.md'));
    put(index, 'a/Cells.md', '', []);
    // The exact root path still wins.
    expect(index.resolve('Cells', 'a/Source.md')).toEqual(note('Cells.md'));
    index.remove('Cells.md');
    expect(index.resolve('Cells', 'a/Source.md')).toEqual(note('a/Cells.md'));
    expect(index.linksTo(note('a/Cells.md')).map((s) => s.note.path)).toEqual(['a/Source.md']);
    index.remove('a/Cells.md');
    expect(index.unresolved()).toEqual([
      { target: 'Cells', sources: [{ path: 'a/Source.md', title: 'Source', count: 1 }] },
    ]);
  });

  it('spells a link to a document the shortest way that resolves to it', () => {
    const index = indexOf({ 'a/Note.md': '', 'b/Note.md': '', 'Mitosis.md': '', 'Unique.md': '' });
    expect(index.spellingFor(note('Unique.md'), null)).toBe('Unique');
    expect(index.spellingFor(note('a/Note.md'), null)).toBe('a/Note');
    expect(index.spellingFor(note('a/Note.md'), 'a/x.md')).toBe('Note');
    expect(index.spellingFor(note('a/Note.md'), 'b/x.md')).toBe('a/Note');
    expect(index.spellingFor(entry('mitosis'), null)).toBe('glossary:mitosis');
    expect(index.spellingFor(entry('gaba-glutamate-ratio'), 'a/x.md')).toBe('GABA Glutamate Ratio');
  });
});

describe('LinkIndex queries', () => {
  it('lists links to a note or entry by source title, with outgoing links and counts', () => {
    const index = indexOf({
      'b/Zeta.md': 'About [[GABA Glutamate Ratio]] and [[gaba/glutamate ratio|the ratio]].',
      'Alpha.md': '[[GABA Glutamate Ratio#Origin]] [[Cells]] [[Missing]] [[#Top]]',
      'Cells.md': '[[Cells]] links itself.',
    });
    const toEntry = index.linksTo(entry('gaba-glutamate-ratio'));
    expect(toEntry.map((s) => [s.note.title, s.links.length])).toEqual([
      ['Alpha', 1],
      ['Zeta', 2],
    ]);
    expect(index.linksTo(note('Cells.md')).map((s) => s.note.path)).toEqual(['Alpha.md']);
    expect(index.outgoing('Alpha.md')).toEqual([
      {
        target: 'GABA Glutamate Ratio',
        heading: 'Origin',
        resolved: { ref: entry('gaba-glutamate-ratio'), kind: 'entry', title: 'GABA Glutamate Ratio' },
        count: 1,
      },
      { target: 'Cells', heading: null, resolved: { ref: note('Cells.md'), kind: 'note', title: 'Cells' }, count: 1 },
      { target: 'Missing', heading: null, resolved: null, count: 1 },
      { target: '', heading: 'Top', resolved: { ref: note('Alpha.md'), kind: 'note', title: 'Alpha' }, count: 1 },
    ]);
    expect(index.entryLinkCounts()).toEqual({ 'gaba-glutamate-ratio': 2 });
  });

  it("lists missing attachments as unresolved and present ones as attachments, given the vault's files", () => {
    const index = indexOf({ 'A.md': '![[diagram.png]] ![[gone.png]] [[paper.pdf]] [[Nope]]', 'B.md': '![[gone.png]]' });
    const present = (target: string) =>
      target === 'diagram.png' || target === 'paper.pdf' ? `assets/${target}` : null;
    expect(index.unresolved(present).map((u) => [u.target, u.sources.map((s) => s.path)])).toEqual([
      ['gone.png', ['A.md', 'B.md']],
      ['Nope', ['A.md']],
    ]);
    expect(index.outgoing('A.md', present)).toEqual([
      { target: 'diagram.png', heading: null, resolved: null, attachment: 'assets/diagram.png', count: 1 },
      { target: 'gone.png', heading: null, resolved: null, count: 1 },
      { target: 'paper.pdf', heading: null, resolved: null, attachment: 'assets/paper.pdf', count: 1 },
      { target: 'Nope', heading: null, resolved: null, count: 1 },
    ]);
  });

  it('leaves attachments out of the unresolved list', () => {
    const index = indexOf({ 'A.md': '![[diagram.png]] [[paper.pdf]] [[Nope]]' });
    expect(index.unresolved().map((u) => u.target)).toEqual(['Nope']);
  });

  it('leaves alias links out when asked (a rename does not touch them)', () => {
    const index = indexOf({ 'Cells.md': { text: '', aliases: ['Cell'] }, 'A.md': '[[Cells]] [[Cell]]' });
    expect(index.linksTo(note('Cells.md'))[0]!.links).toHaveLength(2);
    expect(index.linksTo(note('Cells.md'), { viaAlias: false })[0]!.links).toHaveLength(1);
  });
});

// ---- the incremental index answers like a rebuilt one -------------------------------

const FOLDERS = ['', 'A/', 'B/', 'A/C/'];
const TITLES = ['Cells', 'cells', 'Mitosis', 'GABA Glutamate Ratio', 'Note', 'Other', 'x.md'];
const ALIASES = ['Cell', 'GABA/glutamate ratio', 'Mitosis', 'Note', 'cell division', 'Other'];
const TARGETS = [
  ...TITLES,
  ...ALIASES,
  'A/Cells',
  'C/Note',
  'A/C/Note',
  './Note',
  '../Cells',
  '/B/Other',
  'glossary:mitosis',
  'GABA Glutamate Ratio.md',
  'Unknown',
  'unknown ',
  '',
];

const pathArb = fc
  .tuple(fc.constantFrom(...FOLDERS), fc.constantFrom(...TITLES))
  .map(([folder, title]) => `${folder}${title}.md`);
const linkArb = fc
  .record({
    target: fc.constantFrom(...TARGETS),
    heading: fc.option(fc.constantFrom('Origin', 'Top'), { nil: null }),
    label: fc.option(fc.constantFrom('label', 'x'), { nil: null }),
    embed: fc.boolean(),
  })
  .map(
    ({ target, heading, label, embed }) =>
      `${embed ? '!' : ''}[[${target}${heading ? `#${heading}` : ''}${label ? `|${label}` : ''}]]`,
  );
const contentArb = fc
  .array(
    fc.oneof(linkArb, fc.constantFrom('prose', '`[[Cells]]`', '\n\n', '\n- ', '# Head\n', '```\n[[Note]]\n```\n')),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' '));
const aliasesArb = fc.uniqueArray(fc.constantFrom(...ALIASES), { maxLength: 2 });

type Op =
  | { kind: 'put'; path: string; content: string; aliases: string[] }
  | { kind: 'rename'; from: number; to: string }
  | { kind: 'delete'; at: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      path: pathArb,
      content: contentArb,
      aliases: aliasesArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rename' as const), from: fc.nat(), to: pathArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
);

function answers(index: LinkIndex, paths: string[]) {
  const refs: DocRef[] = [...paths.map(note), ...ENTRIES.map((e) => entry(e.id))];
  const links = (ref: DocRef, viaAlias: boolean) =>
    index.linksTo(ref, { viaAlias }).map((s) => [s.note.path, s.links.map((l) => [l.start, l.end, l.key])]);
  return {
    backlinks: refs.map((ref) => [ref, links(ref, true), links(ref, false)]),
    outgoing: paths.map((path) => [path, index.outgoing(path)]),
    unresolved: index.unresolved(),
    counts: index.entryLinkCounts(),
    resolved: paths.map((from) => TARGETS.map((target) => index.resolve(target, from))),
    spellings: refs.map((ref) => [index.spellingFor(ref, null), ...paths.map((from) => index.spellingFor(ref, from))]),
  };
}

describe('LinkIndex incremental updates', () => {
  it('answer exactly like an index rebuilt from scratch, after any creates, edits, renames and deletes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 25 }), (ops) => {
        const vault = new Map<string, { content: string; aliases: string[] }>();
        const incremental = new LinkIndex();
        incremental.setEntries(ENTRIES);
        for (const op of ops) {
          const paths = [...vault.keys()];
          if (op.kind === 'put') {
            vault.set(op.path, { content: op.content, aliases: op.aliases });
            put(incremental, op.path, op.content, op.aliases);
          } else if (paths.length > 0 && op.kind === 'rename') {
            const from = paths[op.from % paths.length]!;
            if (vault.has(op.to)) continue;
            const moved = vault.get(from)!;
            vault.delete(from);
            vault.set(op.to, moved);
            incremental.remove(from);
            put(incremental, op.to, moved.content, moved.aliases);
          } else if (paths.length > 0 && op.kind === 'delete') {
            const path = paths[op.at % paths.length]!;
            vault.delete(path);
            incremental.remove(path);
          }
        }
        const rebuilt = new LinkIndex();
        rebuilt.setEntries(ENTRIES);
        // Another insertion order, so no answer may depend on it.
        for (const [path, { content, aliases }] of [...vault].reverse()) put(rebuilt, path, content, aliases);
        const paths = [...vault.keys()].sort();
        expect(answers(incremental, paths)).toEqual(answers(rebuilt, paths));
        expect(incremental.size).toBe(vault.size);
        // The counts (only entries some link names) agree with every entry's backlinks.
        const counts = incremental.entryLinkCounts();
        for (const { id } of ENTRIES) expect(counts[id] ?? 0).toBe(incremental.linksTo(entry(id)).length);
        expect(Object.values(counts).every((count) => count > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
