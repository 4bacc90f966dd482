import type { PlacedHighlight } from '@shared/domain/highlights';
import type { BacklinkList, MentionContext } from '@shared/domain/links';
import { highlightIdOfLink } from '@shared/links/highlightLink';
import { useId } from 'react';
import './quotes.css';

export interface QuotingNotesProps {
  /** The entry's linked mentions (its backlinks); the quotes are those pointing at a highlight. */
  linked: BacklinkList | null;
  /** The entry's highlights, for each quote's passage as highlighted. */
  highlights: readonly PlacedHighlight[];
  onOpenMention(path: string, mention: MentionContext): void;
}

interface Quote {
  path: string;
  title: string;
  mention: MentionContext;
  passage: string;
}

/** The quotes of an entry's highlights in notes (links `[[Entry#^h-id]]`), in backlink order. */
export function quotesOf(linked: BacklinkList | null, highlights: readonly PlacedHighlight[]): Quote[] {
  if (!linked) return [];
  const byId = new Map(highlights.map((highlight) => [highlight.id, highlight]));
  const quotes: Quote[] = [];
  for (const group of linked.groups) {
    for (const mention of group.mentions) {
      const id = highlightIdOfLink(mention.source);
      if (id === null) continue;
      const passage = byId.get(id)?.selectors.quote.exact ?? mention.text;
      quotes.push({ path: group.path, title: group.title, mention, passage });
    }
  }
  return quotes;
}

/**
 * "Quoted in": the notes that quote this entry's passages (issue #17), each with the
 * passage it quotes; choosing one opens the note at the quote.
 */
export function QuotingNotes({ linked, highlights, onOpenMention }: QuotingNotesProps) {
  const headingId = useId();
  const quotes = quotesOf(linked, highlights);
  return (
    <section className="outgoing-group quoting-notes" aria-labelledby={headingId}>
      <h3 id={headingId} className="outgoing-title">
        Quoted in {quotes.length > 0 && <span className="backlinks-count">{quotes.length}</span>}
      </h3>
      {quotes.length === 0 ? (
        <p className="quoting-notes-empty">
          No note quotes this entry yet. Select a passage and choose “Quote in note”.
        </p>
      ) : (
        <ul className="quoting-notes-list">
          {quotes.map((quote) => (
            <li key={`${quote.path}:${quote.mention.start}`}>
              <button
                type="button"
                className="quoting-note"
                title={`Open “${quote.title}” at this quote`}
                onClick={() => onOpenMention(quote.path, quote.mention)}
              >
                <span className="quoting-note-title">{quote.title}</span>
                <span className="quoting-note-passage">{quote.passage}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
