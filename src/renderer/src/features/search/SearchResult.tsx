import type { SearchHit } from '@shared/domain/search';
import { findTermRanges } from '@shared/search/matchTerms';
import { HighlightedText } from '../../ui/highlight/HighlightedText';
import { KindBadge } from '../../ui/KindBadge';
import { NameSeparator } from '../../ui/NameSeparator';

export interface SearchResultProps {
  hit: SearchHit;
  id: string;
  active: boolean;
  onOpen(): void;
  onPoint(): void;
}

/**
 * One hit in the results: title (its matched words marked), kind, folder, the query words
 * it lacks (when no hit has them all), and the snippets.
 * Its accessible name is all of that, as shown (WCAG 2.5.3: every word it shows is in its name).
 */
export function SearchResult({ hit, id, active, onOpen, onPoint }: SearchResultProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className="search-hit"
      data-kind={hit.kind}
      // The query field keeps the focus, so the arrows and typing go on working.
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={() => !active && onPoint()}
      onClick={onOpen}
    >
      <div className="search-hit-head">
        <span className="search-hit-title">
          <HighlightedText text={hit.title} ranges={findTermRanges(hit.title, hit.terms)} />
        </span>
        <NameSeparator />
        <KindBadge kind={hit.kind} />
      </div>
      {hit.folder && <NameSeparator />}
      {hit.folder && (
        <div className="search-hit-folder">
          <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
            <path
              d="M1.75 4.25c0-.7.55-1.25 1.25-1.25h3l1.5 1.5h5.5c.7 0 1.25.55 1.25 1.25v6.5c0 .7-.55 1.25-1.25 1.25H3c-.7 0-1.25-.55-1.25-1.25z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.2"
            />
          </svg>
          {hit.folder}
        </div>
      )}
      {hit.missing && hit.missing.length > 0 && <NameSeparator />}
      {hit.missing && hit.missing.length > 0 && (
        <div className="search-hit-missing">
          Missing:{' '}
          {hit.missing.map((word, index) => (
            <span key={index}>
              {index > 0 && ', '}
              <s>{word}</s>
            </span>
          ))}
        </div>
      )}
      {hit.snippets.length > 0 && <NameSeparator />}
      {hit.snippets.length > 0 && (
        <div className="search-hit-snippets">
          {hit.snippets.map((snippet, index) => (
            <p key={index} className="search-snippet">
              <HighlightedText text={snippet.text} ranges={snippet.highlights} />{' '}
            </p>
          ))}
        </div>
      )}
    </li>
  );
}
