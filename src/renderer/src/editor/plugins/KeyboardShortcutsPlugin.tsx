import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $getSelection,
  COMMAND_PRIORITY_HIGH,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { useEffect } from 'react';
import { $getBlockType, formatBlock, type SettableBlockType } from '../toolbar/blockFormat';
import { matchesShortcut } from '../../ui/shortcuts';
import { SHORTCUTS } from '../toolbar/shortcuts';

const FORMAT_SHORTCUTS: Array<[keyof typeof SHORTCUTS, TextFormatType]> = [
  ['strikethrough', 'strikethrough'],
  ['highlight', 'highlight'],
  ['code', 'code'],
];

const BLOCK_SHORTCUTS: Array<[keyof typeof SHORTCUTS, SettableBlockType]> = [
  ['paragraph', 'paragraph'],
  ['h1', 'h1'],
  ['h2', 'h2'],
  ['h3', 'h3'],
  ['bullet', 'bullet'],
  ['number', 'number'],
  ['check', 'check'],
];

function handleKeyDown(editor: LexicalEditor, event: KeyboardEvent): boolean {
  for (const [name, format] of FORMAT_SHORTCUTS) {
    if (matchesShortcut(event, SHORTCUTS[name])) {
      event.preventDefault();
      editor.dispatchCommand(FORMAT_TEXT_COMMAND, format);
      return true;
    }
  }
  for (const [name, blockType] of BLOCK_SHORTCUTS) {
    if (matchesShortcut(event, SHORTCUTS[name])) {
      event.preventDefault();
      // Command listeners run inside an update, so the selection is readable here.
      formatBlock(editor, blockType, $getBlockType($getSelection()), true);
      return true;
    }
  }
  return false;
}

/**
 * The shortcuts Lexical does not bind itself: strikethrough (Mod+Shift+X), highlight
 * (Mod+Shift+H), inline code
 * (Mod+E), paragraph and headings (Mod+Alt+0…3), lists (Mod+Shift+7/8/9, toggling). Bold,
 * italic, undo and redo are Lexical's own; Mod+K belongs to the link editor.
 */
export function KeyboardShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () => editor.registerCommand(KEY_DOWN_COMMAND, (event) => handleKeyDown(editor, event), COMMAND_PRIORITY_HIGH),
    [editor],
  );
  return null;
}
