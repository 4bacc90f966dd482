import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEmptyQuery, isFilterOnly, maxEdits, parseQuery, queryWords, type QueryItem } from './parseQuery';

/** A compact view of the clauses: words as their parts joined by '+', phrases quoted, '*' for prefix. */
function shape(query: string): string[][] {
  return parseQuery(query).clauses.map((clause) => clause.map(show));
}
function show(item: QueryItem): string {
  const star = item.prefix ? '*' : '';
  return item.kind === 'word' ? `${item.parts.join('+')}${star}` : `"${item.words.join(' ')}${star}"`;
}

describe('parseQuery', () => {
  it('combines words with AND; the word being typed matches as a prefix', () => {
    expect(shape('dopamine recep')).toEqual([['dopamine'], ['recep*']]);
    expect(shape('dopamine receptor ')).toEqual([['dopamine'], ['receptor']]);
    expect(shape('dopamine,')).toEqual([['dopamine']]);
  });

  it('folds case and diacritics and keeps compounds together', () => {
    expect(shape('GLUTAMÁTE GABA/glutamate 5-HT')).toEqual([['glutamate'], ['gaba+glutamate'], ['5+ht*']]);
  });

  it('reads phrases, closed or not', () => {
    expect(shape('"neural plasticity" cortex')).toEqual([['"neural plasticity"'], ['cortex*']]);
    expect(shape('cortex "neural plast')).toEqual([['cortex'], ['"neural plast*"']]);
    expect(shape('“smart quotes”')).toEqual([['"smart quotes"']]);
    expect(shape('"single"')).toEqual([['single']]);
    expect(parseQuery('"single"').clauses[0]![0]).toMatchObject({ kind: 'word', exact: true });
    expect(shape('""  " "')).toEqual([]);
  });

  it('binds OR tighter than AND and ignores a dangling OR', () => {
    expect(shape('dopamine OR serotonin receptor')).toEqual([['dopamine', 'serotonin'], ['receptor*']]);
    expect(shape('a | b OR c')).toEqual([['a', 'b', 'c*']]);
    expect(shape('OR dopamine OR')).toEqual([['dopamine']]);
    expect(shape('or dopamine')).toEqual([['or'], ['dopamine*']]);
    expect(shape('dopamine AND serotonin')).toEqual([['dopamine'], ['serotonin*']]);
  });

  it('reads exclusions and ignores a lone dash', () => {
    const parsed = parseQuery('synapse -glutamate -"long term" - -- cortex');
    expect(parsed.clauses.map((c) => c.map(show))).toEqual([['synapse'], ['cortex*']]);
    expect(parsed.exclude.map(show)).toEqual(['glutamate', '"long term"']);
  });

  it('reads scope and tag filters, typed as prefixes too', () => {
    expect(parseQuery('in:glossary ratio').scope).toBe('glossary');
    expect(parseQuery('IN:Notes ratio').scope).toBe('notes');
    expect(parseQuery('in:g').scope).toBe('glossary');
    expect(parseQuery('in:e').scope).toBe('glossary');
    expect(parseQuery('in:nowhere ratio').scope).toBeNull();
    expect(parseQuery('in:notes in:glossary').scope).toBeNull();
    expect(parseQuery('-in:glossary x').scope).toBe('notes');
    expect(parseQuery('in:notes -in:notes x').scope).toBe('notes');
    const tags = parseQuery('tag:Neuro #bio/cells -tag:draft tag:exa');
    expect(tags.tags).toEqual([
      { name: 'neuro', prefix: false },
      { name: 'bio/cells', prefix: false },
      { name: 'exa', prefix: true },
    ]);
    expect(tags.excludeTags).toEqual(['draft']);
    expect(parseQuery('tag: # #').tags).toEqual([]);
  });

  it('tells empty and filter-only queries apart', () => {
    for (const q of ['', '   ', '-', 'OR', '" "', '- OR "', '-word', 'AND |'])
      expect(isEmptyQuery(parseQuery(q))).toBe(true);
    expect(isFilterOnly(parseQuery('in:notes'))).toBe(true);
    expect(isFilterOnly(parseQuery('tag:x -y'))).toBe(true);
    expect(isEmptyQuery(parseQuery('x'))).toBe(false);
  });

  it('lists the words to highlight', () => {
    expect(queryWords(parseQuery('GABA/glutamate "long term" -x'))).toEqual(['gaba', 'glutamate', 'long', 'term']);
  });

  it('allows typos only for longer words', () => {
    expect(maxEdits('gaba')).toBe(0);
    expect(maxEdits('axons')).toBe(1);
    expect(maxEdits('glutamte')).toBe(2);
  });

  const queryLike = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'OR',
          '|',
          'AND',
          '-',
          '--',
          '"',
          '“',
          '”',
          'in:',
          'in:g',
          'tag:',
          '#',
          '#x',
          'tag:a/b',
          ' ',
          '  ',
        ),
        fc.string({ maxLength: 8 }),
        fc.string({ unit: 'binary', maxLength: 8 }),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join(''));

  it('parses any string without throwing, into a well-formed query (property)', () => {
    fc.assert(
      fc.property(fc.oneof(queryLike, fc.string({ unit: 'binary', maxLength: 300 })), (query) => {
        const parsed = parseQuery(query);
        for (const clause of parsed.clauses) {
          expect(clause.length).toBeGreaterThan(0);
          for (const item of clause) {
            const words = item.kind === 'word' ? item.parts : item.words;
            expect(words.length).toBeGreaterThan(0);
            for (const word of words) expect(word).not.toBe('');
          }
        }
        expect(parsed.clauses.length).toBeLessThanOrEqual(32);
        // Only the very last item may be a prefix.
        const prefixes = parsed.clauses.flat().filter((item) => item.prefix);
        expect(prefixes.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});
