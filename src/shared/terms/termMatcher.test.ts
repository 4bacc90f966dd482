import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTermMatcher, findTerms, type TermSource } from './termMatcher';

/** The occurrences as "matched text → ids" strings, easy to read in failures. */
function find(terms: TermSource[], text: string, firstOnly = false): string[] {
  const matcher = buildTermMatcher(terms);
  return findTerms(matcher, text, { firstOnly }).map(
    (occurrence) => `${text.slice(occurrence.start, occurrence.end)}→${occurrence.ids.join(',')}`,
  );
}

const term = (id: string, ...names: string[]): TermSource => ({ id, names });

describe('findTerms', () => {
  it('finds whole words only, case- and accent-insensitively', () => {
    const terms = [term('gaba', 'GABA'), term('glu', 'Glutamáte')];
    expect(find(terms, 'gaba and GLUTAMATE and glutamáte')).toEqual(['gaba→gaba', 'GLUTAMATE→glu', 'glutamáte→glu']);
    expect(find(terms, 'GABAergic neurons, preGABA, glutamates?')).toEqual(['glutamates→glu']);
  });

  it('gives offsets in the original text, also after characters that fold longer or shorter', () => {
    const text = 'ﬁ Straße é\u0301 — 🧠 Synapse';
    const matcher = buildTermMatcher([term('s', 'synapse'), term('st', 'strasse')]);
    const found = findTerms(matcher, text);
    expect(found.map((o) => text.slice(o.start, o.end))).toEqual(['Straße', 'Synapse']);
  });

  it('matches word forms through search stemmer, and only those', () => {
    const terms = [term('r', 'receptor'), term('i', 'inhibition'), term('b', 'neurotransmitter balance')];
    expect(find(terms, 'Receptors and receptor; inhibit, inhibits, inhibitory')).toEqual([
      'Receptors→r',
      'receptor→r',
      // Porter2: inhibition, inhibit and inhibits → "inhibit"; inhibitory → "inhibitori".
      'inhibit→i',
      'inhibits→i',
    ]);
    expect(find(terms, 'the neurotransmitters balancing act')).toEqual(['neurotransmitters balancing→b']);
  });

  it('prefers the longest name, leftmost first, without overlaps', () => {
    const terms = [term('g', 'GABA'), term('gr', 'GABA receptor'), term('ra', 'receptor agonist')];
    expect(find(terms, 'GABA receptor agonist; GABA alone; receptor agonists')).toEqual([
      'GABA receptor→gr',
      'GABA→g',
      'receptor agonists→ra',
    ]);
  });

  it('falls back to a shorter name when the longer one is not complete', () => {
    const terms = [term('g', 'GABA'), term('grt', 'GABA receptor type')];
    expect(find(terms, 'GABA receptor here')).toEqual(['GABA→g']);
  });

  it('gives every entry a shared name belongs to, once each', () => {
    const terms = [term('bank1', 'Bank'), term('bank2', 'bank', 'Banks'), term('river', 'River bank')];
    expect(find(terms, 'the bank of the river bank')).toEqual(['bank→bank1,bank2', 'river bank→river']);
  });

  it('matches aliases like titles', () => {
    const terms = [term('ltp', 'Long-term potentiation', 'LTP')];
    expect(find(terms, 'LTP is long term potentiation')).toEqual(['LTP→ltp', 'long term potentiation→ltp']);
  });

  it('treats connectors inside names and text as search does', () => {
    const terms = [term('ratio', 'GABA/glutamate ratio'), term('ht', '5-HT2A'), term('wk', 'well-known')];
    expect(find(terms, 'GABA/glutamate ratio, GABA-glutamate ratios, GABA glutamate ratio')).toEqual([
      'GABA/glutamate ratio→ratio',
      'GABA-glutamate ratios→ratio',
      'GABA glutamate ratio→ratio',
    ]);
    // A compound name is found written as one word; a one-word name as a compound's joined form.
    expect(find(terms, '5-HT2A and 5HT2A and 5 HT2A; wellknown')).toEqual([
      '5-HT2A→ht',
      '5HT2A→ht',
      '5 HT2A→ht',
      'wellknown→wk',
    ]);
    expect(find([term('gg', 'gabaglutamate')], 'GABA/glutamate')).toEqual(['GABA/glutamate→gg']);
    // A one-word name is found as a part of a compound.
    expect(find([term('r', 'receptor')], 'GABA-receptor')).toEqual(['receptor→r']);
  });

  it('reads a possessive as the word alone', () => {
    const terms = [term('pd', "Parkinson's disease"), term('p', 'Parkinson')];
    expect(find(terms, "Parkinson’s disease, Parkinsons disease, PARKINSON'S DISEASE; Parkinson's law")).toEqual([
      'Parkinson’s disease→pd',
      'Parkinsons disease→pd',
      "PARKINSON'S DISEASE→pd",
      'Parkinson→p',
    ]);
    // A word after a one-character space is no part of the previous word's compound.
    expect(find([term('g', 'gaba'), term('a', 'agonist')], "gaba agonist's")).toEqual(['gaba→g', 'agonist→a']);
    // Other apostrophes are connectors, as in search: "don't" is don·t, also found as "dont".
    expect(find([term('t', "don't panic")], "Don't panic. Dont panic. Don t panic.")).toEqual([
      "Don't panic→t",
      'Dont panic→t',
      'Don t panic→t',
    ]);
  });

  it('does not run a name across a line break or a word it skipped', () => {
    const terms = [term('b', 'neurotransmitter balance')];
    expect(find(terms, 'neurotransmitter\nbalance')).toEqual([]);
    expect(find(terms, `neurotransmitter ${'x'.repeat(80)} balance`)).toEqual([]);
    // Punctuation and spaces between the words are fine.
    expect(find(terms, 'neurotransmitter (balance)')).toEqual(['neurotransmitter (balance→b']);
  });

  it('handles numbers and non-Latin scripts as words of their own, unstemmed', () => {
    const terms = [
      term('n', 'нейрон'),
      term('a', 'α-synuclein'),
      term('k', '大脳皮質'),
      term('y', '1984'),
      term('m', '3.5 mg'),
    ];
    const text = 'нейрон, нейроны; Α-Synuclein; 大脳皮質 and 大脳; in 1984 or 19845; 3.5 mg';
    expect(find(terms, text)).toEqual(['нейрон→n', 'Α-Synuclein→a', '大脳皮質→k', '1984→y', '3.5 mg→m']);
  });

  it('ignores emoji around words, and names without any word', () => {
    const terms = [term('b', '🧠 brain'), term('e', '🧠'), term('d', '—'), term('empty', '')];
    expect(find(terms, '🧠brain🧠 🧠')).toEqual(['brain→b']);
    const matcher = buildTermMatcher(terms);
    expect(matcher.phraseCount).toBe(1);
  });

  it('ignores one-character one-word names, not one-letter words in longer names', () => {
    const terms = [term('a', 'A'), term('x', 'x'), term('alpha', 'α'), term('c', 'vitamin C'), term('k', '脳')];
    expect(find(terms, 'a x α vitamin c 脳')).toEqual(['vitamin c→c']);
    expect(find([term('ab', 'ab')], 'AB')).toEqual(['AB→ab']);
  });

  it('ignores names with a word too long for search', () => {
    const long = 'y'.repeat(70);
    expect(buildTermMatcher([term('l', long), term('m', `gaba ${long}`)]).phraseCount).toBe(0);
  });

  it('reports only the first occurrence of each term with firstOnly', () => {
    const terms = [term('g', 'GABA'), term('gr', 'GABA receptor'), term('shared', 'bank'), term('s2', 'bank')];
    expect(find(terms, 'GABA bank GABA receptor gaba bank GABA receptor', true)).toEqual([
      'GABA→g',
      'bank→shared,s2',
      'GABA receptor→gr',
    ]);
  });

  it('finds nothing with no terms or no text', () => {
    expect(find([], 'GABA')).toEqual([]);
    expect(find([term('g', 'GABA')], '')).toEqual([]);
  });

  it('agrees with itself on every prefix of a text (no state leaks between calls)', () => {
    const matcher = buildTermMatcher([term('g', 'GABA'), term('gr', 'GABA receptor')]);
    const text = 'GABA receptor and GABA';
    expect(findTerms(matcher, text)).toEqual(findTerms(matcher, text));
    expect(findTerms(matcher, 'GABA rec').map((o) => o.ids)).toEqual([['g']]);
  });
});

describe('findTerms on random texts', () => {
  // Words with forms the stemmer joins, a short word, connectors, a possessive and an accent.
  const vocabulary = [
    'gaba',
    'GABA',
    'receptor',
    'receptors',
    'agonist',
    'ratio',
    'the',
    'of',
    'Glutamáte',
    'glutamate',
  ];
  const separators = [' ', ' ', ', ', '/', '-', "'s ", ' (', ') '];
  const names = ['GABA', 'GABA receptor', 'receptor agonist', 'glutamate ratio', 'GABA/glutamate ratio', 'the ratio'];

  // Each word of a text as a key that equal word forms share (the ids of the vocabulary words it is).
  const wordMatcher = buildTermMatcher(vocabulary.map((word, i) => term(`w${i}`, word)));
  const wordsOf = (text: string) => findTerms(wordMatcher, text).map((o) => ({ ...o, key: o.ids.join() }));
  const nameKeys = names.map((name) => wordsOf(name).map((word) => word.key));

  it('reports whole names only, in order, without overlaps, longest first, and misses none', () => {
    const matcher = buildTermMatcher(names.map((name, i) => term(`n${i}`, name)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom(...separators)), { maxLength: 30 }),
        (pieces) => {
          const text = pieces.map(([word, separator]) => word + separator).join('');
          const words = wordsOf(text);
          const keys = words.map((word) => word.key);
          /** The names (indexes) whose words are the text's words from word `at` on. */
          const namesAt = (at: number) =>
            nameKeys.flatMap((name, index) => (name.every((key, k) => keys[at + k] === key) ? [index] : []));
          const found = findTerms(matcher, text);
          let end = 0;
          let next = 0;
          for (const occurrence of found) {
            expect(occurrence.start).toBeGreaterThanOrEqual(end);
            end = occurrence.end;
            const first = words.findIndex((word) => word.start === occurrence.start);
            const count = words.filter((word) => word.start >= occurrence.start && word.end <= occurrence.end).length;
            // No name starts at a word skipped before this occurrence.
            for (let at = next; at < first; at++) expect(namesAt(at)).toEqual([]);
            // The longest name starting here, with every id it has.
            const here = namesAt(first);
            const longest = Math.max(...here.map((index) => nameKeys[index]!.length));
            expect(count).toBe(longest);
            expect(occurrence.ids).toEqual(
              here.filter((index) => nameKeys[index]!.length === longest).map((index) => `n${index}`),
            );
            next = first + count;
          }
          for (let at = next; at < words.length; at++) expect(namesAt(at)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
