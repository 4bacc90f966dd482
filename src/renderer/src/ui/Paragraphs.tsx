import { splitParagraphs } from '@shared/annotations/entryText';

/** Plain text with blank-line-separated paragraphs, rendered as text (never as HTML). */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {splitParagraphs(text).map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
    </>
  );
}
