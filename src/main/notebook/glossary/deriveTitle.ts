const ARTICLES = new Set(['The', 'A', 'An']);

/** Verbs that turn "<Title> <verb> …" into a definition. Lowercase only: "Is" would start a new sentence. */
const DEFINING_VERBS = new Set([
  'is',
  'are',
  'describes',
  'refers',
  'denotes',
  'means',
  'represents',
  'designates',
  'signifies',
  'constitutes',
]);

// Short lowercase words that may sit between capitalised words of a name ("Theory of Mind").
const CONNECTORS = new Set(['of', 'and', 'in', 'for', 'on', 'to', 'de']);

// A capitalised word ("Ratio", "Gamma-Aminobutyric", "Brain’s"), an acronym ("GABA", "HPA")
// or a number-led name ("5-HT"). Punctuation such as a trailing comma ends the name.
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}'’-]*|\p{N}[\p{L}\p{N}'’-]*\p{Lu}[\p{L}\p{N}'’-]*)$/u;

// "The Example Ratio (ER) is …": the abbreviation is skipped, it is not part of the title.
const ABBREVIATION = /^\([\p{Lu}\p{N}-]+\)$/u;

/**
 * Derives an entry title from the first sentence of a definition, when it names the concept.
 *
 * The rule: an optional leading article (The/A/An), then a run of capitalised words or
 * acronyms (lowercase connectors such as "of" allowed between them), optionally an
 * abbreviation in parentheses, then a lowercase defining verb such as is, are, describes,
 * refers, denotes, means or represents. The run is the title.
 *
 * - "The GABA Glutamate Ratio is …" → "GABA Glutamate Ratio"
 * - "Neurotransmitter Balance Metrics are …" → "Neurotransmitter Balance Metrics"
 * - "The Neurochemical Balance State describes …" → "Neurochemical Balance State"
 * - "A state where …" → `undefined` (no name: an editor must supply the title)
 *
 * @param definition the definition text; only its first paragraph is looked at.
 * @returns the title with single spaces between words, or `undefined` when the text does not
 *   start by naming its concept. Never throws.
 */
export function deriveTitle(definition: string): string | undefined {
  const firstParagraph = definition.trim().split(/\n\s*\n/)[0] ?? '';
  const words = firstParagraph.split(/\s+/);
  let next = 0;
  const word = (index: number): string => words[index] ?? '';

  if (ARTICLES.has(word(0)) && NAME_WORD.test(word(1))) next = 1;
  const title: string[] = [];
  while (next < words.length) {
    const current = word(next);
    const isName = NAME_WORD.test(current);
    const isConnector = title.length > 0 && CONNECTORS.has(current) && NAME_WORD.test(word(next + 1));
    if (!isName && !isConnector) break;
    title.push(current);
    next++;
  }
  if (title.length > 0 && ABBREVIATION.test(word(next))) next++;
  if (title.length === 0 || !DEFINING_VERBS.has(word(next))) return undefined;
  return title.join(' ');
}
