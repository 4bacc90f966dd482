import { useId, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { useLoad } from '../../ui/useLoad';
import { useTermHighlights } from '../../ui/highlight/termHighlightRequest';
import { Paragraphs } from '../../ui/Paragraphs';

/**
 * The reader view of one glossary entry: title, definition, then its sections, set
 * for reading. Entries are reference material: nothing here is editable.
 */
export function EntryReader({ id, compact = false }: { id: string; compact?: boolean }) {
  const api = useApi();
  const entry = useLoad(() => api.getEntry({ id }), id);
  const titleId = useId();
  // An entry opened from a search result shows its matches (see termHighlightRequest).
  const [article, setArticle] = useState<HTMLElement | null>(null);
  useTermHighlights({ kind: 'entry', id }, article);

  if (entry.status === 'loading') return <div className="reader reader-loading" aria-busy="true" />;
  if (entry.status === 'failed') {
    return (
      <div className="reader" role="alert">
        <h1>This entry could not be opened</h1>
        <p>{entry.error.message}</p>
      </div>
    );
  }
  const { title, aliases, definition, sections, source, editorialTitle } = entry.value;
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
      <div className="definition">
        <Paragraphs text={definition} />
      </div>
      {sections.map((section) => (
        <section key={section.heading} aria-label={section.heading}>
          <h2>{section.heading}</h2>
          <Paragraphs text={section.text} />
        </section>
      ))}
      <footer className="reader-footer">
        Source: {source}
        {editorialTitle && ' · Title supplied by the editors'}
      </footer>
    </article>
  );
}
