import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveState } from './NoteSession';
import { SaveIndicator } from './SaveIndicator';

afterEach(cleanup);

/** Renders the indicator through `states` and returns every text its live region was given (each is read aloud). */
function announcementsThrough(states: SaveState[]): { said: string[]; shown: string } {
  const view = render(<SaveIndicator state={states[0]!} onRetry={() => {}} />);
  const region = screen.getByRole('status', { name: 'Save announcements' });
  const said: string[] = [];
  // Read synchronously after each render: each change of the region's text is one announcement.
  const observer = new MutationObserver(() => {});
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  for (const state of states.slice(1)) {
    view.rerender(<SaveIndicator state={state} onRetry={() => {}} />);
    if (observer.takeRecords().length > 0) said.push(region.textContent ?? '');
  }
  observer.disconnect();
  return { said, shown: screen.getByRole('status', { name: 'Save status' }).textContent ?? '' };
}

const saved: SaveState = { kind: 'saved' };
const pending: SaveState = { kind: 'pending' };
const saving: SaveState = { kind: 'saving' };
const diskFull: SaveState = { kind: 'failed', message: 'the disk is full' };

describe('SaveIndicator', () => {
  it('shows every state, in a status that is not itself live', () => {
    render(<SaveIndicator state={saving} onRetry={() => {}} />);
    const status = screen.getByRole('status', { name: 'Save status' });
    expect(status.textContent).toBe('Saving…');
    expect(status.getAttribute('aria-live')).toBe('off');
    expect(screen.getByRole('status', { name: 'Save announcements' }).getAttribute('aria-live')).toBe('polite');
  });

  it('reads nothing out while autosaves come and go', () => {
    const { said } = announcementsThrough([saved, pending, saving, saved, pending, saving, saved]);
    expect(said.filter(Boolean)).toEqual([]);
  });

  it('reads a failure out once, with its reason, and the save that ends it', () => {
    const { said, shown } = announcementsThrough([
      saved,
      pending,
      saving,
      diskFull,
      pending,
      saving,
      { kind: 'failed', message: 'the disk is full' },
      saving,
      saved,
      pending,
      saving,
      saved,
    ]);
    expect(said).toEqual(['Not saved: the disk is full', 'Saved']);
    expect(shown).toBe('Saved');
  });
});
