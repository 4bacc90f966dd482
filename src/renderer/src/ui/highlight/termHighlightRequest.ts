import { sameDoc, type DocRef } from '@shared/domain/docRef';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { showTermHighlights } from './showTermHighlights';

/**
 * "Show this document with these words highlighted": made when a search result is opened,
 * honoured by whichever view shows that document (the note editor, the glossary reader in
 * the main view or in the reference pane). There is at most one at a time.
 */
export interface TermHighlightRequest {
  readonly ref: DocRef;
  readonly terms: readonly string[];
  /** Tells two requests for the same document apart (the same result opened twice). */
  readonly id: number;
}

let current: TermHighlightRequest | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function set(request: TermHighlightRequest | null): void {
  if (request === current) return;
  current = request;
  for (const listener of listeners) listener();
}

/** Asks the view of `ref` to highlight `terms` and scroll to the first one. Call it before opening the document. */
export function requestTermHighlight(ref: DocRef, terms: readonly string[]): void {
  set(terms.length > 0 ? { ref, terms, id: nextId++ } : null);
}

/** Removes the highlights (Escape, an edit). With a request, only if that one is still current. */
export function clearTermHighlight(request?: TermHighlightRequest): void {
  if (request === undefined || request === current) set(null);
}

/**
 * Called whenever a document is opened anywhere: a request aimed at another document is
 * dropped, so going elsewhere and coming back later shows the document plain again.
 */
export function keepTermHighlightOnlyFor(ref: DocRef): void {
  if (current && !sameDoc(current.ref, ref)) set(null);
}

export function currentTermHighlight(): TermHighlightRequest | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current request, re-rendering when it changes. */
export function useTermHighlightRequest(): TermHighlightRequest | null {
  return useSyncExternalStore(subscribe, currentTermHighlight, currentTermHighlight);
}

/**
 * Clears `request` when Escape reaches the document unhandled (a dialog or field that uses
 * Escape itself calls preventDefault). Returns the cleanup.
 */
export function clearOnEscape(request: TermHighlightRequest): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) clearTermHighlight(request);
  };
  document.addEventListener('keydown', onKeyDown);
  return () => document.removeEventListener('keydown', onKeyDown);
}

/**
 * Highlights the current request's terms in `root` when the request is for `doc`: scrolls
 * to the first match, clears on Escape. For views whose text does not change while shown
 * (the glossary reader); the editor has its own plugin that also clears on edits. A view
 * that re-renders its text nodes (the reader when its highlights load) passes a new
 * `contentVersion` then: the matches are found again, without scrolling again.
 */
export function useTermHighlights(doc: DocRef, root: HTMLElement | null, contentVersion = 0): void {
  const request = useTermHighlightRequest();
  const active = request && sameDoc(request.ref, doc) ? request : null;
  const scrolledFor = useRef<TermHighlightRequest | null>(null);
  useEffect(() => {
    if (!active || !root) return;
    const scroll = scrolledFor.current !== active;
    scrolledFor.current = active;
    const shown = showTermHighlights(root, active.terms, { scroll });
    const offEscape = clearOnEscape(active);
    return () => {
      offEscape();
      shown.dispose();
    };
  }, [active, root, contentVersion]);
}
