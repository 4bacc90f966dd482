import { useApi } from '../../api/ApiContext';
import { useLoad } from '../../app/useLoad';
import { Paragraphs } from '../../ui/Paragraphs';

/**
 * The reader view of one glossary entry: title, definition, then its sections, set
 * for reading. Entries are reference material: nothing here is editable.
 */
export function EntryReader({ id }: { id: string }) {
  const api = useApi();
  const entry = useLoad(() => api.getEntry({ id }), id);

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
    <article className="reader" aria-labelledby="entry-title" data-entry-id={id}>
      <header className="reader-header">
        <p className="kicker">Glossary entry · read-only</p>
        <h1 id="entry-title">{title}</h1>
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
