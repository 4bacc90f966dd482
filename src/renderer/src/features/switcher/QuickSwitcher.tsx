import type { NotebookClient } from '@shared/api/createClient';
import type { DocRef } from '@shared/domain/docRef';
import type { SwitcherItem } from '@shared/domain/search';
import { fold } from '@shared/text/fold';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { HighlightedText } from '../../ui/highlight/HighlightedText';
import { focusEditorWhenReady } from '../../editor/plugins/EditorCommandsPlugin';
import { PICKER_COMMAND_IDS } from '../commands/useShellCommands';
import { KindBadge } from '../../ui/KindBadge';
import { NameSeparator } from '../../ui/NameSeparator';
import { QuickPick, type QuickPickSection } from './QuickPick';

export interface QuickSwitcherProps {
  onOpen(ref: DocRef): void;
  /** Creates a note with this title and opens it. */
  onCreate(title: string): void;
  onClose(): void;
}

type Choice = { type: 'doc'; item: SwitcherItem } | { type: 'create'; title: string };

const LIMIT = 50;
/** Short enough to feel instant, long enough that a fast typist sends one request per pause. */
const DEBOUNCE_MS = 30;

interface Results {
  query: string;
  items: SwitcherItem[];
}

/**
 * The switcher's matches for `query` from the backend. Responses to older queries are
 * dropped; the previous list stays on screen until the new one arrives (no flicker).
 */
function useSwitcherResults(api: NotebookClient, query: string): Results & { pending: boolean } {
  const [results, setResults] = useState<Results>({ query: '\u0000', items: [] });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        api.quickSwitch({ query, limit: LIMIT }).then(
          (items) => current && setResults({ query, items }),
          () => current && setResults({ query, items: [] }),
        );
      },
      query === '' ? 0 : DEBOUNCE_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);
  return { ...results, pending: results.query !== query };
}

function keyOf(choice: Choice): string {
  if (choice.type === 'create') return 'create';
  const { ref } = choice.item;
  return ref.kind === 'entry' ? `entry:${ref.id}` : `note:${ref.path}`;
}

function renderChoice(choice: Choice) {
  if (choice.type === 'create') {
    return (
      <>
        <span className="qp-create-icon" aria-hidden="true">
          <svg viewBox="0 0 16 16" width="12" height="12">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </span>
        <span className="qp-main">
          <span className="qp-title">
            Create note <span className="qp-create-title">“{choice.title}”</span>
          </span>
        </span>
        <NameSeparator />
        <span className="qp-aside">
          <kbd className="keycap" aria-hidden="true">
            ⇧↵
          </kbd>
          <span className="visually-hidden">Shift+Enter</span>
        </span>
      </>
    );
  }
  const { item } = choice;
  return (
    <>
      <span className="qp-main">
        <span className="qp-title">
          <HighlightedText text={item.title} ranges={item.matchedAlias ? [] : item.highlights} />
        </span>
        {item.matchedAlias && (
          <>
            <NameSeparator />
            <span className="qp-detail">
              also <HighlightedText text={item.matchedAlias} ranges={item.highlights} />
            </span>
          </>
        )}
      </span>
      {item.folder && (
        <>
          <NameSeparator />
          <span className="qp-aside">{item.folder}</span>
        </>
      )}
      <NameSeparator />
      <KindBadge kind={item.kind} />
    </>
  );
}

const HINTS = [
  ['↑↓', 'navigate'],
  ['↵', 'open'],
  ['⇧↵', 'create note'],
  ['esc', 'close'],
] as const;

/**
 * The quick switcher (Mod+O, Mod+P): jump to any note or glossary entry by title or alias.
 * Matching is the backend's (forgiving: prefixes, word starts, small typos); the matched
 * characters are marked. With an empty query it lists recently opened documents. The last
 * choice creates a note with the typed title (Shift+Enter creates from anywhere in the list).
 */
export function QuickSwitcher({ onOpen, onCreate, onClose }: QuickSwitcherProps) {
  const api = useApi();
  const [query, setQuery] = useState('');
  const results = useSwitcherResults(api, query);
  const title = query.trim();

  const docs: Choice[] = results.items.map((item) => ({ type: 'doc', item }));
  const exists = results.items.some((item) => item.kind === 'note' && fold(item.title) === fold(title));
  const sections: Array<QuickPickSection<Choice>> =
    title === ''
      ? [{ key: 'recent', title: 'Recent', items: docs }]
      : [
          { key: 'matches', items: docs },
          { key: 'create', items: exists ? [] : [{ type: 'create', title }] },
        ];

  return (
    <QuickPick<Choice>
      label="Quick switcher"
      allowedCommands={PICKER_COMMAND_IDS}
      className="quick-switcher"
      placeholder="Go to a note or glossary entry…"
      query={query}
      onQueryChange={setQuery}
      sections={sections}
      keyOf={keyOf}
      renderItem={renderChoice}
      busy={results.pending}
      emptyText={title === '' && !results.pending ? 'Type a title or an alias to find a note or an entry.' : null}
      hints={HINTS}
      onClose={onClose}
      onChoose={(choice, { shiftKey }) => {
        if (title !== '' && (shiftKey || choice.type === 'create')) {
          focusEditorWhenReady();
          onCreate(title);
        } else if (choice.type === 'doc') {
          // A note opens ready for typing, as after Obsidian's switcher.
          if (choice.item.ref.kind === 'note') focusEditorWhenReady();
          onOpen(choice.item.ref);
        }
      }}
    />
  );
}
