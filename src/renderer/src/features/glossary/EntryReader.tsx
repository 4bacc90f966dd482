import { useId, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { useLiveEntry } from './useLiveEntry';
import { useTermHighlights } from '../../ui/highlight/termHighlightRequest';
import { HighlightedBody } from '../highlights/HighlightedBody';
import { useHighlightCommands } from '../highlights/useHighlightCommands';

/**
 * The reader view of one glossary entry: title, definition, then its sections, set
 * for reading, with the user's highlights and margin notes (HighlightedBody). Entries are
 * reference material: their text is never edited; highlights live in the vault beside it.
 */
export function EntryReader({ id, compact = false }: { id: string; compact?: boolean }) {
  const api = useApi();
  const entry = useLiveEntry(api, id);
  const titleId = useId();
  // An entry opened from a search result shows its matches (see termHighlightRequest).
  const [article, setArticle] = useState<HTMLElement | null>(null);
  // Highlights re-render the body's text nodes: the search matches are found again then.
  const [bodyVersion, setBodyVersion] = useState(0);
  useTermHighlights({ kind: 'entry', id }, article, bodyVersion);
  useHighlightCommands();

  if (entry.status === 'loading') return <div className="reader reader-loading" aria-busy="true" />;
  if (entry.status === 'failed') {
    return (
      <div className="reader" role="alert">
        <h1>This entry could not be opened</h1>
        <p>{entry.error.message}</p>
      </div>
    );
  }
  const { title, aliases, source, editorialTitle } = entry.value;
  return (
    <article
      ref={setArticle}
      className={compact ? 'reader reader-compact' : 'reader'}
      aria-labelledby={titleId}
      data-entry-id={id}
    >
      <header className="reader-header">
        <p className="kicker">Glossary entry · read-only</p>
        <h1 id={titleId}>{title}</h1>
        {aliases.length > 0 && <p className="aliases">Also known as {aliases.join(', ')}</p>}
      </header>
      <HighlightedBody
        entryId={id}
        entry={entry.value}
        compact={compact}
        onTextChanged={() => setBodyVersion((n) => n + 1)}
      />
      <footer className="reader-footer">
        Source: {source}
        {editorialTitle && ' · Title supplied by the editors'}
      </footer>
    </article>
  );
}
