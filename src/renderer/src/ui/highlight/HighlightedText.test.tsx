import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HighlightedText } from './HighlightedText';
import { normalizeRanges } from './textRanges';

afterEach(cleanup);

function marks(container: HTMLElement): string[] {
  return [...container.querySelectorAll('mark')].map((mark) => mark.textContent ?? '');
}

describe('HighlightedText', () => {
  it('wraps exactly the given [start, end) spans in <mark>', () => {
    const text = 'The GABA Glutamate Ratio balances glutamate';
    const { container } = render(
      <p>
        <HighlightedText
          text={text}
          ranges={[
            [34, 43],
            [4, 8],
          ]}
        />
      </p>,
    );
    expect(marks(container)).toEqual(['GABA', 'glutamate']);
    expect(container.textContent).toBe(text);
    const parts = [...container.querySelector('p')!.childNodes].map((node) =>
      node.nodeName === 'MARK' ? `[${node.textContent}]` : node.textContent,
    );
    expect(parts.join('')).toBe('The [GABA] Glutamate Ratio balances [glutamate]');
  });

  it('renders hostile text as text, marked or not', () => {
    const text = '<img src=x onerror=alert(1)> and <script>alert(2)</script>';
    const { container } = render(
      <p>
        <HighlightedText text={text} ranges={[[0, 28]]} />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(marks(container)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(container.textContent).toBe(text);
  });

  it('merges overlapping spans and ignores empty or out-of-range ones', () => {
    const { container } = render(
      <p>
        <HighlightedText
          text="glutamate"
          ranges={[
            [0, 4],
            [2, 6],
            [3, 3],
            [8, 40],
            [-5, -1],
          ]}
        />
      </p>,
    );
    expect(marks(container)).toEqual(['glutam', 'e']);
    expect(container.textContent).toBe('glutamate');
  });
});

describe('normalizeRanges', () => {
  it('sorts, clips and merges touching spans', () => {
    expect(
      normalizeRanges(
        [
          [5, 7],
          [0, 2],
          [2, 3],
          [6, 9],
        ],
        8,
      ),
    ).toEqual([
      [0, 3],
      [5, 8],
    ]);
  });
});
