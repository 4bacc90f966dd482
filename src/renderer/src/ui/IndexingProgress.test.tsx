import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexingProgress } from './IndexingProgress';

afterEach(cleanup);

describe('IndexingProgress', () => {
  it('counts the notes as notes, not the reference entries the search index also reads', () => {
    render(
      <IndexingProgress
        status={{ state: 'building', indexed: 3400, total: 10000, entries: { indexed: 5000, total: 5000 } }}
      />,
    );
    expect(screen.getByText('Indexing… 3,400 of 10,000 notes')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Indexing progress' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([3400, 10000]);
  });

  it('names the reference entries apart while some are still to come, and the bar follows both', () => {
    render(
      <IndexingProgress
        status={{ state: 'building', indexed: 0, total: 200, entries: { indexed: 1200, total: 5000 } }}
      />,
    );
    expect(screen.getByText('Indexing… 0 of 200 notes, 1,200 of 5,000 reference entries')).toBeTruthy();
    const bar = screen.getByRole('progressbar', { name: 'Indexing progress' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1200, 5200]);
  });
});
