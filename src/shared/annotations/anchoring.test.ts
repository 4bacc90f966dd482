import { describe, expect, it } from 'vitest';
import { anchor, CONTEXT_CHARS, describeRange, type TextSelectors } from './anchoring';

/** An entry's text as a reference pack gives it: a definition and two sections. */
const ENTRY = [
  'GABA (gamma-aminobutyric acid) is the chief inhibitory neurotransmitter of the mature',
  'mammalian central nervous system. It reduces neuronal excitability by binding to GABA-A',
  'and GABA-B receptors.',
  '',
  'Origin',
  'First identified in the brain in 1950 by Eugene Roberts and Jorge Awapara.',
  '',
  'Mechanism',
  'Binding to GABA-A receptors opens chloride channels, hyperpolarising the neuron. The',
  'balance between GABA and glutamate keeps the network stable.',
].join('\n');

/** The selectors of the first occurrence of `passage` in `text`. */
function selectorsOf(text: string, passage: string, from = 0): TextSelectors {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`not in the text: ${passage}`);
  return describeRange(text, start, start + passage.length);
}

/** What `anchor` placed, as text, or null for an orphan. */
function placed(text: string, selectors: TextSelectors): string | null {
  const at = anchor(text, selectors);
  return at ? text.slice(at.start, at.end) : null;
}

const PASSAGE = 'reduces neuronal excitability';

describe('describing a passage', () => {
  it('keeps the passage, 32 characters either side, and its offsets', () => {
    const selectors = selectorsOf(ENTRY, PASSAGE);
    expect(selectors.quote.exact).toBe(PASSAGE);
    expect(selectors.quote.prefix).toHaveLength(CONTEXT_CHARS);
    expect(selectors.quote.suffix).toHaveLength(CONTEXT_CHARS);
    expect(ENTRY.slice(0, selectors.position.start).endsWith(selectors.quote.prefix)).toBe(true);
    expect(ENTRY.slice(selectors.position.end).startsWith(selectors.quote.suffix)).toBe(true);
    expect(selectors.quote.type).toBe('TextQuoteSelector');
    expect(selectors.position.type).toBe('TextPositionSelector');
  });

  it('keeps less context at the edges of the text, and refuses a range outside it', () => {
    const first = describeRange(ENTRY, 0, 4);
    expect(first.quote).toMatchObject({ exact: 'GABA', prefix: '' });
    const last = describeRange(ENTRY, ENTRY.length - 7, ENTRY.length);
    expect(last.quote).toMatchObject({ exact: 'stable.', suffix: '' });
    expect(() => describeRange(ENTRY, 5, 5)).toThrow(RangeError);
    expect(() => describeRange(ENTRY, -1, 3)).toThrow(RangeError);
    expect(() => describeRange(ENTRY, 3, ENTRY.length + 1)).toThrow(RangeError);
  });
});

describe('placing a passage again', () => {
  it('at its offsets when the text is unchanged', () => {
    const selectors = selectorsOf(ENTRY, PASSAGE);
    expect(anchor(ENTRY, selectors)).toEqual({ ...rangeOf(ENTRY, PASSAGE), method: 'position' });
  });

  it('after text inserted before it, inside the text after it, or after it', () => {
    const selectors = selectorsOf(ENTRY, PASSAGE);
    const before = `Also called GABA. ${ENTRY}`;
    expect(anchor(before, selectors)).toEqual({ ...rangeOf(before, PASSAGE), method: 'quote' });
    const after = ENTRY.replace('and GABA-B receptors.', 'and GABA-B receptors, found on most neurons.');
    expect(anchor(after, selectors)).toEqual({ ...rangeOf(after, PASSAGE), method: 'position' });
  });

  it('approximately when words were inserted inside it or it was reworded', () => {
    const selectors = selectorsOf(ENTRY, 'It reduces neuronal excitability by binding to GABA-A');
    const inside = ENTRY.replace('reduces neuronal', 'reduces overall neuronal');
    expect(anchor(inside, selectors)?.method).toBe('fuzzy');
    expect(placed(inside, selectors)).toContain('reduces overall neuronal excitability by binding to GABA-A');

    const reworded = ENTRY.replace('It reduces neuronal excitability', 'It lowers neuronal excitability');
    expect(placed(reworded, selectors)).toMatch(/It lowers neuronal excitability by binding to GABA-A/);
  });

  it('with words inserted at its edges, from where its context says it starts to where it ends', () => {
    const selectors = selectorsOf(ENTRY, 'opens chloride channels, hyperpolarising the neuron');
    // The search alone would start at "their" (fewer differences) and drop "opens".
    const start = ENTRY.replace('opens chloride channels', 'opens their chloride channels');
    expect(placed(start, selectors)).toBe('opens their chloride channels, hyperpolarising the neuron');
    const end = ENTRY.replace('hyperpolarising the neuron.', 'hyperpolarising the whole neuron.');
    expect(placed(end, selectors)).toBe('opens chloride channels, hyperpolarising the whole neuron');
  });

  it('when its section moved elsewhere, exactly or reworded', () => {
    const sentence = 'First identified in the brain in 1950 by Eugene Roberts and Jorge Awapara.';
    const selectors = selectorsOf(ENTRY, sentence);
    const moved = `${ENTRY.replace(`Origin\n${sentence}\n\n`, '')}\n\nHistory\n${sentence}`;
    expect(placed(moved, selectors)).toBe(sentence);

    const movedAndReworded = moved.replace('First identified', 'First found');
    expect(placed(movedAndReworded, selectors)).toBe(
      'First found in the brain in 1950 by Eugene Roberts and Jorge Awapara.',
    );
  });

  it('picks the occurrence its context names when the passage is duplicated', () => {
    const text = 'The GABA-A receptor is a channel. ' + ENTRY + ' Again: the GABA-A receptor is a channel.';
    // The second "GABA-A receptors" of the entry (in Mechanism), not the first.
    const selectors = selectorsOf(text, 'GABA-A receptors', text.indexOf('Binding to GABA-A'));
    const edited = `Preface. ${text}`;
    const at = anchor(edited, selectors)!;
    expect(edited.slice(at.start - 'Binding to '.length, at.end)).toBe('Binding to GABA-A receptors');

    // Each of two identical sentences keeps its own place.
    const twice = 'Inhibition matters. Inhibition matters. The end.';
    const second = describeRange(twice, 20, 39);
    expect(anchor(`A title. ${twice}`, second)).toMatchObject({ start: 29, end: 48 });
  });

  it('never on other text when the passage was deleted: an orphan', () => {
    const selectors = selectorsOf(ENTRY, 'It reduces neuronal excitability by binding to GABA-A');
    const deleted = ENTRY.replace(' It reduces neuronal excitability by binding to GABA-A\nand GABA-B receptors.', '');
    expect(anchor(deleted, selectors)).toBeNull();

    // A near-copy elsewhere ("GABA-A receptors", one letter off) with other context: not it.
    const nearCopy = selectorsOf(ENTRY, 'GABA-B receptors');
    expect(anchor(ENTRY.replace('GABA-A\nand GABA-B receptors.', 'GABA-A.'), nearCopy)).toBeNull();

    const short = selectorsOf(ENTRY, 'Awapara');
    expect(anchor(ENTRY.replace('Awapara', 'Awapa'), short)).toBeNull();
    expect(anchor('', selectors)).toBeNull();
  });

  it('as an orphan when the passage was rewritten beyond recognition', () => {
    const selectors = selectorsOf(ENTRY, 'The\nbalance between GABA and glutamate keeps the network stable.');
    const rewritten = ENTRY.replace(
      'The\nbalance between GABA and glutamate keeps the network stable.',
      'Too much glutamate, or too little GABA, can lead to seizures.',
    );
    expect(anchor(rewritten, selectors)).toBeNull();
  });

  it('with offsets that fall outside a shorter text', () => {
    const selectors = selectorsOf(ENTRY, 'keeps the network stable');
    const shorter = 'Glutamate and GABA: balance keeps the network stable.';
    expect(placed(shorter, selectors)).toBe('keeps the network stable');
  });
});

function rangeOf(text: string, passage: string): { start: number; end: number } {
  const start = text.indexOf(passage);
  return { start, end: start + passage.length };
}
