import type { MentionContext } from '@shared/domain/links';
import { HighlightedText } from '../../ui/highlight/HighlightedText';

/**
 * A mention in context: the headings above it (outermost first) and its paragraph or list
 * item with the mention marked. Everything is React text — a note holding `<img onerror=…>`
 * shows those characters.
 */
export function MentionText({ mention }: { mention: Pick<MentionContext, 'text' | 'highlights' | 'headingPath'> }) {
  return (
    <>
      {mention.headingPath.length > 0 && (
        <span className="mention-path">
          {mention.headingPath.map((heading, index) => (
            <span key={index} className="mention-path-part">
              {heading}
            </span>
          ))}
        </span>
      )}
      <span className="mention-text">
        <HighlightedText text={mention.text} ranges={mention.highlights} />
      </span>
    </>
  );
}
