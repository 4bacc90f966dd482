import type { EntryHighlights } from '@shared/domain/highlights';
import { useSyncExternalStore } from 'react';

/**
 * Highlights deleted in the reader whose Undo is still offered: still in their file, but no
 * longer shown anywhere (the reader, the side panel's list and count) until Undo brings them
 * back or they are deleted for good.
 */
const hidden = new Map<string, ReadonlySet<string>>();
const listeners = new Set<() => void>();
const NONE: ReadonlySet<string> = new Set();

function changed(): void {
  for (const listener of listeners) listener();
}

/** Hides highlight `id` of entry `entryId` (a new set, so views re-render). */
export function hideHighlight(entryId: string, id: string): void {
  hidden.set(entryId, new Set([...(hidden.get(entryId) ?? []), id]));
  changed();
}

/** Shows it again (undone, or deleted for good and gone from the list anyway). */
export function unhideHighlight(entryId: string, id: string): void {
  const ids = new Set(hidden.get(entryId));
  if (!ids.delete(id)) return;
  if (ids.size === 0) hidden.delete(entryId);
  else hidden.set(entryId, ids);
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The hidden highlights of `entryId` (null: none), re-rendering when they change. */
export function useHiddenHighlights(entryId: string | null): ReadonlySet<string> {
  const read = () => (entryId === null ? NONE : (hidden.get(entryId) ?? NONE));
  return useSyncExternalStore(subscribe, read, read);
}

/** `value` without its hidden highlights (the same object when none is hidden). */
export function withoutHidden(value: EntryHighlights | null, ids: ReadonlySet<string>): EntryHighlights | null {
  if (!value || ids.size === 0) return value;
  return { ...value, highlights: value.highlights.filter((highlight) => !ids.has(highlight.id)) };
}

/** Forgets every hidden highlight (tests start clean with it). */
export function resetHiddenHighlights(): void {
  hidden.clear();
  changed();
}
