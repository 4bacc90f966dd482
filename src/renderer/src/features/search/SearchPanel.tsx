import type { DocRef } from '@shared/domain/docRef';
import type { SearchHit, SearchScope } from '@shared/domain/search';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { Announcement, useSettledValue } from '../../ui/Announcement';
import { nextListIndex } from '../../ui/listNavigation';
import { IndexingProgress } from '../../ui/IndexingProgress';
import { requestTermHighlight } from '../../ui/highlight/termHighlightRequest';
import { captureFocus, restoreFocus, type FocusPoint } from '../switcher/focusReturn';
import { asksForSomething, scopeOfQuery, withoutScope, withScope } from './queryScope';
import { PARTIAL_NOTICE, searchAnnouncement } from './searchAnnouncement';
import { SearchResult } from './SearchResult';
import { useIndexStatus } from './useIndexStatus';
import { useSearch } from './useSearch';
import './search.css';
import { formatCount as plural, withThousands as count } from '../../ui/formatCount';

export interface SearchPanelProps {
  /** Hidden (not unmounted) while closed, so the query and results are there when it comes back. */
  open: boolean;
  /** Changes each time search is asked for (shortcut, button, palette): focuses and selects the query. */
  focusRequest: number;
  /** With a focus request, the query to search (a tag clicked in a note); null keeps the current one. */
  requestedQuery?: string | null;
  onClose(): void;
  /** Opens the document of a result; its matches are highlighted by the view that shows it. */
  onOpenResult(ref: DocRef): void;
}

const SCOPES: ReadonlyArray<readonly [SearchScope, string]> = [
  ['all', 'All'],
  ['glossary', 'Glossary'],
  ['notes', 'Notes'],
];

/** How long the results must stay put before their count is read aloud (typing changes them). */
const ANNOUNCE_AFTER_MS = 500;

const keyOf = (hit: SearchHit) => (hit.ref.kind === 'entry' ? `entry:${hit.ref.id}` : `note:${hit.ref.path}`);

function QueryHelp() {
  const rows: Array<[string, string]> = [
    ['gaba receptor', 'both words, anywhere'],
    ['"exact phrase"', 'these words in this order'],
    ['gaba OR glycine', 'either word'],
    ['-cortex', 'without this word'],
    ['in:glossary', 'only glossary entries (or in:notes)'],
    ['tag:exam', 'notes with this tag'],
  ];
  return (
    <>
      <p className="search-help-lead">Every note and glossary entry, as you type. Refine with:</p>
      <dl className="search-help">
        {rows.map(([example, meaning]) => (
          <div key={example} className="search-help-row">
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/**
 * The search view (Mod+Shift+F), in place of the sidebar's lists as in VS Code: a query field,
 * a scope switch (All, Glossary, Notes: the same as typing `in:`), the number of results and
 * the results with their snippets, updated as you type. Keyboard: ↑/↓ choose a result, Enter
 * opens it (the field keeps the focus so you can go on), Escape closes the panel and returns
 * the focus where it was. While the index builds for more than a second, its progress shows.
 */
export function SearchPanel({ open, focusRequest, requestedQuery = null, onClose, onOpenResult }: SearchPanelProps) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [revision, setRevision] = useState(0);
  const [pointer, setPointer] = useState<{ query: string; key: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const returnTo = useRef<FocusPoint>({ element: null, selection: null });
  const baseId = useId();
  const listId = `${baseId}-results`;
  const optionId = (key: string) => `${baseId}-hit-${encodeURIComponent(key)}`;

  const scope = scopeOfQuery(query);
  const searching = asksForSomething(query);
  const index = useIndexStatus(api);
  // Results follow the index (re-run at every tenth of a build, and when it is ready) and
  // the notes (re-run shortly after changes).
  const status = index.status;
  const indexStage =
    status?.state === 'building' ? Math.floor((status.indexed * 10) / Math.max(status.total, 1)) : status?.state;
  const search = useSearch(api, query, scope, `${revision}/${indexStage}`, open && searching);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('notes-changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => setRevision((n) => n + 1), 250);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api]);

  const [appliedRequest, setAppliedRequest] = useState(0);
  if (requestedQuery !== null && appliedRequest !== focusRequest) {
    setAppliedRequest(focusRequest);
    setQuery(requestedQuery);
  }

  useEffect(() => {
    if (focusRequest === 0) return;
    if (!panel.current?.contains(document.activeElement)) returnTo.current = captureFocus();
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const hits = searching ? (search.results?.hits ?? []) : [];
  const total = searching ? (search.results?.total ?? 0) : 0;
  const answered = searching && search.results !== null;
  // Hits with every word rank first: when the first lacks one, none has them all.
  const partial = (hits[0]?.missing?.length ?? 0) > 0;
  // Read aloud once the answer to what was typed has settled: one count, not one per key.
  const liveMessage = searchAnnouncement({
    query,
    searching,
    answered,
    pending: search.pending,
    total,
    shown: hits.length,
    error: search.error,
    partial,
  });
  const [lastMessage, setLastMessage] = useState('');
  if (liveMessage !== null && liveMessage !== lastMessage) setLastMessage(liveMessage);
  const announced = useSettledValue(lastMessage, ANNOUNCE_AFTER_MS);
  const activeIndex = Math.max(0, pointer?.query === query ? hits.findIndex((hit) => keyOf(hit) === pointer.key) : 0);
  const active = hits[activeIndex];
  const activeKey = active ? keyOf(active) : null;

  useEffect(() => {
    if (activeKey) document.getElementById(optionId(activeKey))?.scrollIntoView?.({ block: 'nearest' });
    // optionId only depends on baseId, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeKey]);

  function openHit(hit: SearchHit): void {
    setPointer({ query, key: keyOf(hit) });
    requestTermHighlight(hit.ref, hit.terms);
    onOpenResult(hit.ref);
  }

  function close(): void {
    onClose();
    if (restoreFocus(returnTo.current)) return;
    // Nowhere to go back to: let go of the focus now. The browser would move it out of the
    // hidden panel only at its next frame, and a key pressed before then (a second Escape,
    // meant to clear the highlights) would still land in the closed panel.
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && panel.current?.contains(focused)) focused.blur();
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.nativeEvent.isComposing) return;
    const next = nextListIndex(event.key, activeIndex, hits.length, { homeEnd: false });
    if (next !== null) {
      setPointer({ query, key: keyOf(hits[next]!) });
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'Enter':
        if (search.pending) {
          // Typed and pressed Enter at once: open the best answer to what was typed.
          void search.whenAnswered().then((answer) => answer?.hits[0] && openHit(answer.hits[0]));
        } else if (active) {
          openHit(active);
        }
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <section
      ref={panel}
      className="search-panel"
      aria-label="Search"
      hidden={!open}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          close();
        }
      }}
    >
      <div className="search-head">
        <h2 className="search-title">Search</h2>
        <button type="button" className="icon-button" aria-label="Close search" title="Close (Esc)" onClick={close}>
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      {/* The search landmark: the field and the scope switch (the results follow it). */}
      <div className="search-form" role="search" aria-label="Search notes and glossary">
        <div className="search-field">
          <svg className="search-field-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
            <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          <input
            ref={input}
            type="search"
            className="search-input"
            aria-label="Search notes and glossary"
            aria-controls={hits.length > 0 ? listId : undefined}
            aria-activedescendant={activeKey ? optionId(activeKey) : undefined}
            placeholder="Search notes and glossary"
            spellCheck={false}
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
          />
          {query !== '' && (
            <button
              type="button"
              className="search-clear"
              aria-label="Clear search"
              title="Clear"
              onClick={() => {
                setQuery('');
                input.current?.focus();
              }}
            >
              <svg viewBox="0 0 16 16" width="10" height="10" aria-hidden="true">
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
            </button>
          )}
        </div>
        <div className="segmented" role="radiogroup" aria-label="Search in">
          {SCOPES.map(([value, label], index) => (
            <button
              key={value}
              type="button"
              role="radio"
              aria-checked={scope === value}
              tabIndex={scope === value ? 0 : -1}
              className="segment"
              onClick={() => setQuery(withScope(query, value))}
              onKeyDown={(event) => {
                const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
                if (step === undefined) return;
                event.preventDefault();
                event.stopPropagation();
                const next = SCOPES[(index + step + SCOPES.length) % SCOPES.length]!;
                setQuery(withScope(query, next[0]));
                const group = event.currentTarget.parentElement;
                group?.querySelectorAll<HTMLElement>('[role="radio"]')[SCOPES.indexOf(next)]?.focus();
              }}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {status?.state === 'building' && (index.showProgress || (answered && total === 0)) && (
        <IndexingProgress status={status} className="search-progress" />
      )}
      <Announcement message={announced} label="Search announcements" />
      {/* Shown, not read out as it changes: the announcement above says where it settles. */}
      <div className="search-summary" data-pending={search.pending || undefined}>
        {answered && total > 0 && (
          <>
            <span className="search-count">{plural(total, 'result', 'results')}</span>
            {hits.length < total && <span className="search-count-note">showing the best {count(hits.length)}</span>}
          </>
        )}
      </div>
      {answered && partial && !search.error && (
        <p className="search-partial" data-testid="search-partial">
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.3" />
            <path d="M8 4.75v4M8 10.9v.35" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          {PARTIAL_NOTICE}
        </p>
      )}
      <div className="search-body">
        {!searching && <QueryHelp />}
        {searching && search.error && <p className="search-empty">Search failed: {search.error}</p>}
        {answered && !search.error && total === 0 && !search.pending && status?.state !== 'building' && (
          <div className="search-empty">
            <p className="search-empty-title">
              No results for <q>{withoutScope(query).trim()}</q>
              {scope !== 'all' && ` in ${scope === 'glossary' ? 'the glossary' : 'notes'}`}
            </p>
            <ul className="search-empty-hints">
              {scope !== 'all' && (
                <li>
                  <button type="button" className="text-button" onClick={() => setQuery(withScope(query, 'all'))}>
                    Search everything
                  </button>
                </li>
              )}
              <li>Check the spelling, or use fewer words.</li>
              {query.includes('"') && <li>Remove the quotes to find the words apart.</li>}
              {/(^|\s)-\S/.test(query) && <li>A leading “-” excludes a word.</li>}
            </ul>
          </div>
        )}
        {hits.length > 0 && (
          // Focusable, so the keyboard can reach (and scroll) the results from Tab too: the
          // arrows, Enter and Escape work there as in the field.
          <ul
            id={listId}
            role="listbox"
            aria-label="Search results"
            className="search-results"
            tabIndex={0}
            aria-activedescendant={activeKey ? optionId(activeKey) : undefined}
            onKeyDown={onKeyDown}
          >
            {hits.map((hit, index) => {
              const key = keyOf(hit);
              return (
                <SearchResult
                  key={key}
                  id={optionId(key)}
                  hit={hit}
                  active={index === activeIndex}
                  onOpen={() => openHit(hit)}
                  onPoint={() => setPointer({ query, key })}
                />
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
