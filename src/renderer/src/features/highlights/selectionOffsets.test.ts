import { entryText } from '@shared/annotations/entryText';
import { afterEach, describe, expect, it } from 'vitest';
import { offsetsToRange, pointToOffset, rangeToOffsets } from './selectionOffsets';

afterEach(() => document.body.replaceChildren());

const ENTRY = {
  definition: 'Glutamate excites. GABA inhibits.',
  sections: [{ heading: 'Mechanism', text: 'Receptors open channels.\n\nIons flow in.' }],
};
const { text } = entryText(ENTRY);

/** The reader's body as EntryReader renders it, with a highlight on "GABA" and an aside. */
function body(): HTMLElement {
  const root = document.createElement('div');
  const definition = document.createElement('p');
  definition.setAttribute('data-offset', '0');
  const mark = document.createElement('mark');
  mark.append('GABA');
  definition.append('Glutamate excites. ', mark, ' inhibits.');
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.setAttribute('data-offset', String(text.indexOf('Mechanism')));
  heading.append('Mechanism');
  const first = document.createElement('p');
  first.setAttribute('data-offset', String(text.indexOf('Receptors')));
  first.append('Receptors open channels.');
  const aside = document.createElement('aside');
  aside.append('A margin note');
  const second = document.createElement('p');
  second.setAttribute('data-offset', String(text.indexOf('Ions')));
  second.append('Ions flow in.');
  section.append(heading, first, aside, second);
  root.append(definition, section);
  const header = document.createElement('h1');
  header.append('Title');
  document.body.append(header, root);
  return root;
}

function range(startNode: Node, startOffset: number, endNode: Node, endOffset: number): Range {
  const r = document.createRange();
  r.setStart(startNode, startOffset);
  r.setEnd(endNode, endOffset);
  return r;
}

const slice = (offsets: { start: number; end: number } | null) =>
  offsets ? text.slice(offsets.start, offsets.end) : null;

describe('selection ↔ offsets', () => {
  it('maps a selection inside one text node and one across a mark', () => {
    const root = body();
    const p = root.querySelector('p')!;
    expect(slice(rangeToOffsets(root, range(p.firstChild!, 0, p.firstChild!, 9), text))).toBe('Glutamate');
    const mark = root.querySelector('mark')!;
    expect(slice(rangeToOffsets(root, range(mark.firstChild!, 2, p.lastChild!, 4), text))).toBe('BA inh');
  });

  it('maps points on block edges (element offsets) and trims whitespace', () => {
    const root = body();
    const definition = root.querySelector('p');
    const heading = root.querySelector('h2')!;
    // Whole definition paragraph, selected by its element edges (a triple click).
    expect(slice(rangeToOffsets(root, range(definition!, 0, definition!, 3), text))).toBe(ENTRY.definition);
    // From the end of the definition to the start of the next paragraph: only a block break.
    expect(rangeToOffsets(root, range(definition!, 3, heading, 0), text)).toBeNull();
    // The trailing space a double click takes.
    expect(slice(rangeToOffsets(root, range(definition!.firstChild!, 10, definition!.firstChild!, 19), text))).toBe(
      'excites.',
    );
  });

  it('maps selections over a heading and across blocks, skipping the aside', () => {
    const root = body();
    const heading = root.querySelector('h2')!;
    const second = root.querySelectorAll('p')[2]!;
    expect(slice(rangeToOffsets(root, range(heading.firstChild!, 0, second.firstChild!, 4), text))).toBe(
      'Mechanism\n\nReceptors open channels.\n\nIons',
    );
    const aside = root.querySelector('aside')!;
    // Starting inside the margin note: from the next block; ending in it: at the previous block's end.
    expect(slice(rangeToOffsets(root, range(aside.firstChild!, 2, second.firstChild!, 4), text))).toBe('Ions');
    expect(slice(rangeToOffsets(root, range(heading.firstChild!, 0, aside.firstChild!, 2), text))).toBe(
      'Mechanism\n\nReceptors open channels.',
    );
  });

  it('clamps a selection starting before the body and ignores one outside it', () => {
    const root = body();
    const title = document.querySelector('h1')!;
    const p = root.querySelector('p')!;
    expect(slice(rangeToOffsets(root, range(title.firstChild!, 1, p.firstChild!, 9), text))).toBe('Glutamate');
    expect(rangeToOffsets(root, range(title.firstChild!, 0, title.firstChild!, 5), text)).toBeNull();
    expect(pointToOffset(root, title.firstChild!, 0, 'end')).toBeNull();
    const collapsed = range(p.firstChild!, 3, p.firstChild!, 3);
    expect(rangeToOffsets(root, collapsed, text)).toBeNull();
  });

  it('turns offsets back into a DOM range over the same text', () => {
    const root = body();
    for (const passage of ['GABA', 'excites. GABA in', 'channels.\n\nIons flow', 'Mechanism']) {
      const start = text.indexOf(passage);
      const r = offsetsToRange(root, start, start + passage.length)!;
      expect(slice(rangeToOffsets(root, r, text))).toBe(passage);
    }
    expect(offsetsToRange(root, 5, 5)).toBeNull();
    expect(offsetsToRange(root, text.length + 3, text.length + 9)).toBeNull();
  });
});
