/**
 * "Open this note at this place": made when a backlink, an unlinked mention or a link to a
 * heading is followed, honoured by the editor of that note (RevealPlugin) as soon as it
 * shows it. At most one is pending; it is taken once.
 */

/** Where to go in a note. Offsets are in the note's file (front matter included). */
export type RevealTarget =
  | { kind: 'span'; start: number; end: number; source: string }
  | { kind: 'heading'; heading: string }
  /** The paragraph or list item carrying ` ^id` (a link `[[Note#^id]]`). */
  | { kind: 'block'; id: string };

/** Where a link's part after `#` goes: `^id` names a block, anything else a heading. */
export function revealTargetOf(part: string): RevealTarget {
  const trimmed = part.trim();
  return trimmed.startsWith('^') ? { kind: 'block', id: trimmed.slice(1) } : { kind: 'heading', heading: part };
}

export interface RevealRequest {
  readonly path: string;
  readonly target: RevealTarget;
  readonly id: number;
}

let pending: RevealRequest | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

/** Asks the editor of `path` to show `target`. Call it before opening the note. */
export function requestReveal(path: string, target: RevealTarget): void {
  pending = { path, target, id: nextId++ };
  for (const listener of [...listeners]) listener();
}

/** The pending request for `path`, removed from the queue; null if there is none. */
export function takeReveal(path: string): RevealRequest | null {
  if (pending === null || pending.path !== path) return null;
  const request = pending;
  pending = null;
  return request;
}

/** Forgets a request that no editor took (the note could not be opened). */
export function dropReveal(): void {
  pending = null;
}

/** Calls `listener` when a request is made (an open editor may be the one asked). */
export function onRevealRequest(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
