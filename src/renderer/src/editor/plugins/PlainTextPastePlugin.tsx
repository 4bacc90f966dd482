import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  PASTE_TAG,
  type PasteCommandType,
  type LexicalEditor,
} from 'lexical';
import { useEffect } from 'react';
import { matchesShortcut } from '../../ui/shortcuts';
import { $insertPlainText } from '../insertPlainText';
import { SHORTCUTS } from '../toolbar/shortcuts';

/** How long after Mod+Shift+V its paste event may arrive (it normally follows at once). */
const PASTE_WINDOW_MS = 1000;

/** Plain text of a paste (or null): `text/plain`, else a URL list. */
function plainTextOf(event: PasteCommandType): string | null {
  const data = 'clipboardData' in event ? event.clipboardData : null;
  if (data == null) return null;
  return data.getData('text/plain') || data.getData('text/uri-list') || null;
}

function registerPlainTextPaste(editor: LexicalEditor): () => void {
  // The paste event does not say which shortcut caused it, so remember the keydown.
  let armedAt = Number.NEGATIVE_INFINITY;
  return mergeRegister(
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const plain =
          matchesShortcut(event, SHORTCUTS.plainTextPaste) ||
          // macOS's own "Paste and Match Style" chord.
          matchesShortcut(event, ['Mod', 'Alt', 'Shift', 'V']);
        armedAt = plain ? Date.now() : Number.NEGATIVE_INFINITY;
        return false;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const armed = Date.now() - armedAt <= PASTE_WINDOW_MS;
        armedAt = Number.NEGATIVE_INFINITY;
        if (!armed) return false;
        const text = plainTextOf(event);
        event.preventDefault();
        if (text === null) return true;
        editor.update(() => $insertPlainText(text), { tag: PASTE_TAG });
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

/**
 * Mod+Shift+V (and ⌘⌥⇧V on macOS) pastes the clipboard's plain text only: no formatting,
 * links or structure, each line a paragraph. A plain paste is the `paste` event that
 * follows that keydown.
 */
export function PlainTextPastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPlainTextPaste(editor), [editor]);
  return null;
}
