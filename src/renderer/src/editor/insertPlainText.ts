import { $createTabNode, $getSelection, $isRangeSelection, type RangeSelection, tokenizeRawText } from 'lexical';

/** Inserts `text` at the selection as unformatted text, one paragraph per line. */
export function $insertPlainText(text: string): void {
  const initial = $getSelection();
  if (!$isRangeSelection(initial)) {
    initial?.insertRawText(text);
    return;
  }
  // Each step may replace the selection object, so it is looked up again every time.
  const $withRange = (apply: (selection: RangeSelection) => void) => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) apply(selection);
  };
  tokenizeRawText(text, {
    linebreak: () => $withRange((selection) => selection.insertParagraph()),
    tab: () => $withRange((selection) => selection.insertNodes([$createTabNode()])),
    text: (part) => $withRange((selection) => selection.insertText(part)),
  });
}
