/**
 * The tricky spellings, run through every feature that matches words: each must take the
 * two spellings of a row for the same word, so a word that matches in one place matches
 * in all of them. (They all fold with shared/text/fold.ts; this test is what keeps a
 * feature from growing rules of its own.)
 */
import { describe, expect, it } from 'vitest';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { foldTag, parseQuery, queryWords } from '@shared/search/parseQuery';
import { termsOf } from '@shared/search/tokenize';
import { findMentions, mentionExclusions, mentionTerms } from '../../main/notebook/links/findMentions';
import { rankLinkSuggestions } from '../../main/notebook/links/rankLinkSuggestions';
import { SwitcherIndex } from '../../main/notebook/search/SwitcherIndex';
import { linkMenuItems } from '../../renderer/src/editor/plugins/wikiLinkQuery';
import { filterCommands } from '../../renderer/src/features/commands/filterCommands';
import { fold, foldName } from './fold';
import { matchesAllWords } from './matchesAllWords';

interface Row {
  /** What the case is about. */
  about: string;
  /** As a title, note or tag has it. */
  written: string;
  /** As the user types it. */
  typed: string;
}

/** Two spellings of one word per row. */
const SAME_WORD: Row[] = [
  { about: 'ß spelled ss', written: 'Straße', typed: 'strasse' },
  { about: 'capital ẞ', written: 'STRAẞE', typed: 'Strasse' },
  { about: 'Greek final sigma', written: 'ΟΔΟΣ', typed: 'οδος' },
  { about: 'Greek final sigma, lowercase with a tonos', written: 'οδός', typed: 'ΟΔΟΣ' },
  { about: 'ligature ﬁ', written: 'ﬁbrin', typed: 'fibrin' },
  { about: 'ligature æ', written: 'Æther', typed: 'aether' },
  { about: 'ligature œ', written: 'Œdema', typed: 'oedema' },
  { about: 'ø spelled o', written: 'Øresund', typed: 'oresund' },
  { about: 'diacritics', written: 'Glutamáte naïve', typed: 'glutamate naive' },
  { about: 'combining marks (decomposed é)', written: 'Glutama\u0301te', typed: 'GLUTAMÁTE' },
  { about: 'Turkish dotted capital İ', written: 'İstanbul', typed: 'istanbul' },
  { about: 'Turkish dotless ı', written: 'ıstanbul', typed: 'ISTANBUL' },
  { about: 'full-width letters and digits', written: 'ＧＡＢＡ２', typed: 'gaba2' },
  { about: 'half-width katakana', written: 'ﾄﾞｰﾊﾟﾐﾝ', typed: 'ドーパミン' },
  { about: 'CJK kept', written: '大脳皮質', typed: '大脳皮質' },
  { about: 'Korean, composed or decomposed', written: '해마', typed: '해마'.normalize('NFD') },
  { about: 'emoji untouched', written: '🧠 Brain', typed: '🧠 brain' },
];

/** Spellings that must stay apart: folding merges only what a reader merges. */
const DIFFERENT: Array<[string, string]> = [
  ['大脳', '小脳'],
  ['🧠', '🫀'],
  ['👍🏽', '👍🏿'],
  ['ΟΔΟΣ', 'οδον'],
  ['stra', 'straße'],
];

// Both ways round: either spelling may be the one written.
const CASES = SAME_WORD.flatMap((row) => [
  row,
  { about: `${row.about}, reversed`, written: row.typed, typed: row.written },
]);
const TAG_CHARS = /^[\p{L}\p{N}\p{M}_\-/]+$/u;

describe.each(CASES)('$about: $written ≡ $typed', ({ written, typed }) => {
  it('folds alike', () => {
    expect(fold(typed)).toBe(fold(written));
    expect(foldName(typed)).toBe(foldName(written));
  });

  it('quick switcher: an exact match, the whole title marked', () => {
    const index = new SwitcherIndex();
    index.set({
      key: 'n:a.md',
      ref: { kind: 'note', path: 'a.md' },
      kind: 'note',
      title: written,
      folder: '',
      aliases: [],
      modified: '',
    });
    index.set({
      key: 'n:b.md',
      ref: { kind: 'note', path: 'b.md' },
      kind: 'note',
      title: `${written} and more`,
      folder: '',
      aliases: [],
      modified: '',
    });
    const [first] = index.query(typed, { limit: 5, recent: [] });
    expect(first).toMatchObject({ title: written, highlights: [[0, written.length]] });
  });

  it('[[ menu: offered first', () => {
    const candidates = [
      {
        ref: { kind: 'note' as const, path: 'b.md' },
        kind: 'note' as const,
        title: `${written} and more`,
        aliases: [],
      },
      { ref: { kind: 'note' as const, path: 'a.md' }, kind: 'note' as const, title: written, aliases: [] },
    ];
    const ranked = rankLinkSuggestions(typed, candidates, 5);
    expect(ranked.map((r) => r.candidate.title)).toEqual([written, `${written} and more`]);
  });

  it('[[x# menu: the heading offered', () => {
    const items = linkMenuItems(
      { target: 'Note', heading: typed, label: null },
      { headings: [{ text: written, level: 2 }] },
    );
    expect(items[0]).toEqual({ kind: 'heading', target: 'Note', heading: { text: written, level: 2 } });
  });

  it('command palette: an exact match, the whole title marked', () => {
    const commands = [
      { id: 'more', title: `${written} and more`, run: () => undefined },
      { id: 'x', title: written, run: () => undefined },
    ];
    const { others } = filterCommands(commands, typed);
    expect(others.map((choice) => [choice.command.id, choice.ranges])).toEqual([
      ['x', [[0, written.length]]],
      ['more', [[0, written.length]]],
    ]);
  });

  it('sidebar filter: kept', () => {
    expect(matchesAllWords([written], typed)).toBe(true);
  });

  it('search: the same terms, in the index and in the query', () => {
    expect(termsOf(typed)).toEqual(termsOf(written));
    expect(queryWords(parseQuery(typed))).toEqual(termsOf(written));
  });

  it('unlinked mentions: found in a note', () => {
    const text = `Some words about ${written}, then more.`;
    const model = analyzeNote(text);
    const found = findMentions(model, mentionTerms([typed]), mentionExclusions(model), () => false);
    expect(found.map((span) => text.slice(span.start, span.end))).toEqual([written]);
  });

  it.skipIf(!TAG_CHARS.test(written) || !TAG_CHARS.test(typed))('tags: the same tag', () => {
    expect(parseQuery(`tag:${typed}`).tags.map((tag) => tag.name)).toEqual([foldTag(`#${written}`)]);
  });
});

describe.each(DIFFERENT)('%s ≢ %s', (a, b) => {
  it('folds apart', () => {
    expect(fold(a)).not.toBe(fold(b));
  });
});
