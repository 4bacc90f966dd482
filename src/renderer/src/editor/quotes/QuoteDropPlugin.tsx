import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
} from 'lexical';
import { useEffect } from 'react';

/** What a dropped quote carries and who inserts it (see Editor's `quoteDrop`). */
export interface QuoteDrop {
  /** The drag data type that marks a quotable thing (a highlight dragged from the reader). */
  type: string;
  /** Called with that type's data once the caret is at the drop point; inserts the quote there. */
  drop(data: string): void;
}

/**
 * Dropping a highlight dragged from the reader on the note quotes it where it is dropped
 * (issue #17): the caret moves to the drop point and `drop` inserts the quote there, as
 * "Quote in note" does at the caret. Other drops are left to the editor.
 */
export function QuoteDropPlugin({ quoteDrop }: { quoteDrop: QuoteDrop }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!event.dataTransfer?.types.includes(quoteDrop.type)) return false;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const data = event.dataTransfer?.getData(quoteDrop.type) ?? '';
            if (data === '') return false;
            event.preventDefault();
            if (!editor.isEditable()) return true;
            const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
            const dom = window.getSelection();
            if (range && dom) {
              dom.setBaseAndExtent(range.startContainer, range.startOffset, range.startContainer, range.startOffset);
              editor.update(
                () => {
                  const dropped = $createRangeSelectionFromDom(dom, editor);
                  if (dropped) $setSelection(dropped);
                },
                { discrete: true },
              );
            }
            quoteDrop.drop(data);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, quoteDrop],
  );
  return null;
}
