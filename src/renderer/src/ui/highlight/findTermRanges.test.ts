import { afterEach, describe, expect, it } from 'vitest';
import { findTermRanges } from './findTermRanges';

afterEach(() => {
  document.body.replaceChildren();
});

/** Builds DOM from trusted test markup (the parser, not innerHTML, to keep lint's rule intact). */
function dom(markup: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<div>${markup}</div>`, 'text/html');
  const root = document.importNode(parsed.body.firstElementChild!, true) as HTMLElement;
  document.body.append(root);
  return root;
}

const texts = (ranges: Range[]) => ranges.map((range) => range.toString());

describe('findTermRanges', () => {
  it('finds whole words by their folded terms, ignoring case and diacritics', () => {
    const root = dom('<p>Glutamáte and GLUTAMATE, but not glutamatergic.</p>');
    expect(texts(findTermRanges(root, ['glutamate']))).toEqual(['Glutamáte', 'GLUTAMATE']);
  });

  it('follows a word across inline elements, within one block only', () => {
    const root = dom('<p>The <strong>glu</strong><em>tamate</em> cycle</p><p>ends with gaba</p><p>glutamate</p>');
    const ranges = findTermRanges(root, ['glutamate', 'gaba']);
    expect(texts(ranges)).toEqual(['glutamate', 'gaba', 'glutamate']);
    const first = ranges[0]!;
    expect(first.startContainer.textContent).toBe('glu');
    expect(first.endContainer.textContent).toBe('tamate');
    // "gaba" at the end of one paragraph never joins the next one's text.
    expect(findTermRanges(root, ['gabaglutamate'])).toEqual([]);
  });

  it('marks a compound as the search tokenizer sees it', () => {
    const root = dom('<p>The GABA/glutamate ratio</p>');
    expect(texts(findTermRanges(root, ['gabaglutamate']))).toEqual(['GABA/glutamate']);
    expect(texts(findTermRanges(root, ['gaba', 'ratio']))).toEqual(['GABA', 'ratio']);
  });

  it('merges overlapping terms and keeps document order', () => {
    const root = dom('<ul><li>ratio of GABA/glutamate</li><li>GABA first</li></ul>');
    expect(texts(findTermRanges(root, ['glutamate', 'gabaglutamate', 'gaba']))).toEqual(['GABA/glutamate', 'GABA']);
  });

  it('skips hidden and non-text content and stops at the limit', () => {
    const root = dom('<p hidden>gaba</p><p aria-hidden="true">gaba</p><style>.gaba{}</style><p>gaba gaba gaba</p>');
    expect(findTermRanges(root, ['gaba'])).toHaveLength(3);
    expect(findTermRanges(root, ['gaba'], 2)).toHaveLength(2);
    expect(findTermRanges(root, [])).toEqual([]);
  });
});
