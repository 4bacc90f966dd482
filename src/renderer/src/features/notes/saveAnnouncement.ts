import type { SaveState } from './NoteSession';

/**
 * What the save status says to screen readers, given what it said last. Autosaves come
 * every few seconds while one types, so "Edited", "Saving…" and "Saved" are not read
 * (they would interrupt the typing all along): a failure is, with its reason, and so is
 * the "Saved" that ends it. Otherwise the last message stays, so nothing is read again.
 */
export function saveAnnouncement(previous: string, state: SaveState): string {
  if (state.kind === 'failed') return `Not saved: ${state.message}`;
  if (state.kind === 'saved' && previous.startsWith('Not saved')) return 'Saved';
  return previous;
}
