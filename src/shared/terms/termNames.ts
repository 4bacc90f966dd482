/**
 * Which glossary names are looked for in the user's notes. A dictionary-sized pack has
 * entries called "The", "Of", "A", "Go" or "It": underlining every such word would bury
 * the terms that matter, so a one-word name is left out of definitions in notes when it
 * is an English function word (STOP_WORDS) or has at most two letters. Names of several
 * words are always kept ("vitamin C", "of mice and men"). docs/term-detection.md.
 */
import { fold } from '../text/fold';

/**
 * English function words (articles, pronouns, prepositions, conjunctions, auxiliaries and
 * the commonest adverbs), folded. Content words are kept even when common: a glossary
 * entry "cell" in a biology note is what the feature is for.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'about above after again against all also am an and any are as at be been before being below between both but by ' +
    'can could did do does doing down during each either else ever every few for from further had has have having he ' +
    'her here hers herself him himself his how however if in into is it its itself just may me might more most much ' +
    'must my myself neither no nor not now of off on once one only or other ought our ours ourselves out over own ' +
    'same shall she should so some such than that the their theirs them themselves then there these they this those ' +
    'though through thus to too under until up upon us very was we were what when where whether which while who whom ' +
    'whose why will with within without would yet you your yours yourself yourselves'
  ).split(' '),
);

/** True when the name should not be underlined in notes (see the module comment). */
export function isNoisyTermName(name: string): boolean {
  const words = fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words.length !== 1) return words.length === 0;
  const word = words[0]!;
  return [...word].length <= 2 || STOP_WORDS.has(word);
}
