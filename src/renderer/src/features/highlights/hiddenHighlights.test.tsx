import type { EntryHighlights, PlacedHighlight } from '@shared/domain/highlights';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  hideHighlight,
  resetHiddenHighlights,
  unhideHighlight,
  useHiddenHighlights,
  withoutHidden,
} from './hiddenHighlights';

afterEach(() => {
  cleanup();
  resetHiddenHighlights();
});

const highlight = (id: string) => ({ id }) as PlacedHighlight;

describe('hidden highlights', () => {
  it('hides a deleted highlight from every view of its entry until it is shown again', () => {
    const { result } = renderHook(() => [useHiddenHighlights('gaba'), useHiddenHighlights('other')] as const);
    expect(result.current[0].size).toBe(0);
    act(() => hideHighlight('gaba', 'h-1'));
    expect([...result.current[0]]).toEqual(['h-1']);
    expect(result.current[1].size).toBe(0);

    const value: EntryHighlights = {
      entryId: 'gaba',
      path: 'Highlights/GABA highlights.md',
      highlights: [highlight('h-1'), highlight('h-2')],
      problems: [],
    };
    expect(withoutHidden(value, result.current[0])!.highlights.map((h) => h.id)).toEqual(['h-2']);
    expect(withoutHidden(value, result.current[1])).toBe(value);
    expect(withoutHidden(null, result.current[0])).toBeNull();

    act(() => unhideHighlight('gaba', 'h-1'));
    expect(result.current[0].size).toBe(0);
  });
});
