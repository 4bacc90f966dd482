import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { onRevealRequest, type RevealRequest, takeReveal } from '../revealRequest';
import { $selectBlockId } from '../blockIds/selectBlockId';
import { type Located, $selectHeading, $selectSource } from '../markdown/locateSource';

/** How long a revealed place stays marked. */
const FLASH_MS = 1600;

/**
 * Opens the note at a place: when the app asks (a backlink or mention followed, a link to
 * a heading), the editor of that note selects the mention (or puts the caret on the
 * heading), scrolls it to the middle of the view and takes the focus, so the selection
 * shows where the reader is. `bodyOffset` turns file offsets into offsets of the editor's
 * Markdown (the front matter is not in the editor).
 */
export function RevealPlugin({ notePath, bodyOffset }: { notePath: string; bodyOffset: number }): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let frame = 0;
    let flashTimer: ReturnType<typeof setTimeout> | undefined;
    const reveal = (request: RevealRequest) => {
      let located: Located | null = null;
      // Focused first, so the selection made next is the one the browser shows.
      editor.getRootElement()?.focus({ preventScroll: true });
      editor.update(
        () => {
          const { target } = request;
          located =
            target.kind === 'heading'
              ? $selectHeading(target.heading)
              : target.kind === 'block'
                ? $selectBlockId(target.id)
                : $selectSource({
                    start: target.start - bodyOffset,
                    end: target.end - bodyOffset,
                    source: target.source,
                  });
        },
        { discrete: true },
      );
      const found = located as Located | null;
      if (found === null) return;
      const element = editor.getElementByKey(found.key);
      element?.scrollIntoView({ block: 'center', behavior: 'auto' });
      if (element) {
        element.classList.add('reveal-flash');
        clearTimeout(flashTimer);
        flashTimer = setTimeout(() => element.classList.remove('reveal-flash'), FLASH_MS);
      }
    };
    const check = () => {
      const request = takeReveal(notePath);
      if (request === null) return;
      // After the first paint, so the note's text is laid out to scroll to.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => reveal(request));
    };
    check();
    const off = onRevealRequest(check);
    return () => {
      off();
      cancelAnimationFrame(frame);
      clearTimeout(flashTimer);
    };
  }, [editor, notePath, bodyOffset]);

  return null;
}
