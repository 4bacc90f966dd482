import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasSubsequence,
  matchName,
  matchRanges,
  matchTitle,
  MatchTier,
  prepareName,
  prepareQuery,
  subsequenceScore,
} from './matchTitle';

const marked = (text: string, ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e)).join('|');

// Moved from the command palette's fuzzyMatch tests: matchTitle is what the palette matches with now.
describe('matchTitle', () => {
  it('matches words as subsequences, favouring word starts and runs', () => {
    expect(marked('New note', matchTitle('nn', 'New note')!.ranges)).toBe('N|n');
    expect(marked('Show all commands', matchTitle('shcmd', 'Show all commands')!.ranges)).toBe('Sh|c|m|d');
    expect(matchTitle('head', 'Format: Heading 1')!.ranges).toEqual([[8, 12]]);
  });

  it('takes words in any order, folds case and diacritics, and rejects letters picked from word middles', () => {
    expect(matchTitle('note new', 'New note')).not.toBeNull();
    expect(matchTitle('RÉNAME', 'Rename note')).not.toBeNull();
    expect(matchTitle('head', 'Search notes and glossary')).toBeNull();
    expect(matchTitle('ote', 'New note')).not.toBeNull();
    expect(matchTitle('xyz', 'New note')).toBeNull();
    expect(matchTitle('  ', 'anything')).toEqual({ score: 0, ranges: [] });
  });

  it('ranks a prefix above a scattered match', () => {
    const prefix = matchTitle('bo', 'Bold')!.score;
    const scattered = matchTitle('bo', 'Bulleted list of options')!.score;
    expect(prefix).toBeGreaterThan(scattered);
  });
});

describe('matchName', () => {
  const tierOf = (query: string, name: string, typos = false) =>
    matchName(prepareName(name), prepareQuery(query)!, { typos })?.tier ?? null;

  it('tells the tiers apart', () => {
    expect(tierOf('long-term potentiation', 'Long Term Potentiation')).toBe(MatchTier.Exact);
    expect(tierOf('long t', 'Long-Term Potentiation')).toBe(MatchTier.Prefix);
    expect(tierOf('term pot', 'Long-Term Potentiation')).toBe(MatchTier.WordPrefixInOrder);
    expect(tierOf('pot long', 'Long-Term Potentiation')).toBe(MatchTier.WordPrefix);
    expect(tierOf('entiat', 'Long-Term Potentiation')).toBe(MatchTier.Substring);
    expect(tierOf('ltpot', 'Long-Term Potentiation')).toBe(MatchTier.Subsequence);
    expect(tierOf('potentaition', 'Long-Term Potentiation')).toBeNull();
    expect(tierOf('potentaition', 'Long-Term Potentiation', true)).toBe(MatchTier.Typo);
  });

  it('places a later word after the earlier ones when it can, and prefers that order', () => {
    const name = prepareName('Show all commands');
    const inOrder = matchName(name, prepareQuery('sh cmd')!)!;
    const reversed = matchName(name, prepareQuery('cmd sh')!)!;
    expect(inOrder.tier).toBe(MatchTier.Subsequence);
    expect(reversed.tier).toBe(MatchTier.Subsequence);
    expect(inOrder.score).toBeGreaterThan(reversed.score);
  });

  it('marks the characters of the name as written, past folding and trimmed separators', () => {
    const name = prepareName('_Straße  der Ærø');
    const q = prepareQuery('strasse aero')!;
    const match = matchName(name, q)!;
    expect(match.tier).toBe(MatchTier.WordPrefixInOrder);
    expect(marked(name.text, matchRanges(name, q, match.tier))).toBe('Straße|Ærø');
    expect(marked(name.text, matchRanges(name, prepareQuery('STRASSE DER')!, MatchTier.Prefix))).toBe('Straße  der');
  });

  it('matches letters in order when each query word starts on a word start of the name, or occurs whole', () => {
    // A brute-force reading of the rule, independent of the matcher's shortcuts.
    const isWordStart = (text: string, at: number) => /[a-z]/.test(text[at]!) && !/[a-z]/.test(text[at - 1] ?? ' ');
    const lettersFrom = (text: string, word: string, at: number) => {
      let next = 0;
      for (let i = at; i < text.length && next < word.length; i++) if (text[i] === word[next]) next++;
      return next === word.length;
    };
    const placeable = (text: string, word: string) =>
      text.includes(word) ||
      [...text].some((char, at) => char === word[0] && isWordStart(text, at) && lettersFrom(text, word, at));
    const text = fc.stringMatching(/^[abc -]{0,12}$/);
    fc.assert(
      fc.property(text, text, (label, query) => {
        const q = prepareQuery(query);
        if (q === null) return;
        const name = prepareName(label);
        const expected = q.words.length > 0 && q.words.every((word) => placeable(name.folded, word));
        expect(hasSubsequence(name, q.words)).toBe(expected);
        expect(subsequenceScore(name, q.words) !== null).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
