import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HorizontalRuleNode, INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { INSERT_TABLE_COMMAND, TableNode } from '@lexical/table';
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $setSelection,
  FORMAT_TEXT_COMMAND,
  IS_APPLE,
  type LexicalEditor,
  REDO_COMMAND,
  type TextFormatType,
  UNDO_COMMAND,
} from 'lexical';
import { useContext, useEffect, useMemo, useState } from 'react';
import { INSERT_IMAGE_COMMAND } from '../media/ImageInsertPlugin';
import { MediaHostContext } from '../media/mediaHost';
import type { Command } from '../../ui/commands/CommandRegistry';
import { useCommands } from '../../ui/commands/useCommands';
import { $getBlockType, formatBlock, type SettableBlockType } from '../toolbar/blockFormat';
import { SHORTCUTS } from '../toolbar/shortcuts';
import { OPEN_LINK_EDITOR_COMMAND } from './LinkEditorPlugin';
import { CalloutNode } from '../callouts/CalloutNode';
import { INSERT_CALLOUT_COMMAND } from '../callouts/CalloutPlugin';

let focusRequestedAt = -Infinity;
const FOCUS_REQUEST_LIFETIME_MS = 5000;

/**
 * Asks the next editor that mounts (within a few seconds) to take the focus, caret at the
 * start: a note opened from the quick switcher is ready for typing, as in Obsidian.
 */
export function focusEditorWhenReady(): void {
  focusRequestedAt = performance.now();
}

/**
 * Runs `action` on the editor with the user's selection: the palette has just given the
 * focus (and the DOM selection) back to the editor, but Lexical only learns of it on the
 * next selectionchange, so the selection is read from the DOM first. If the editor was not
 * focused at all, it is focused with its last selection (or the caret at the end).
 */
function runInEditor(editor: LexicalEditor, action: () => void): void {
  const root = editor.getRootElement();
  if (!root) return;
  if (!root.contains(root.ownerDocument.activeElement)) {
    root.focus({ preventScroll: true });
    editor.focus(action, { defaultSelection: 'rootEnd' });
    return;
  }
  editor.update(
    () => {
      const selection = $createRangeSelectionFromDom(window.getSelection(), editor);
      if (selection) $setSelection(selection);
    },
    { discrete: true },
  );
  action();
}

function editorCommands(editor: LexicalEditor, hasMedia: boolean): Command[] {
  const format = (id: string, title: string, textFormat: TextFormatType, shortcut?: keyof typeof SHORTCUTS) => ({
    id,
    title,
    group: 'Format',
    shortcut: shortcut && SHORTCUTS[shortcut],
    run: () => runInEditor(editor, () => editor.dispatchCommand(FORMAT_TEXT_COMMAND, textFormat)),
  });
  const block = (target: SettableBlockType, title: string, shortcut?: keyof typeof SHORTCUTS) => ({
    id: `editor.block.${target}`,
    title,
    group: 'Format',
    shortcut: shortcut && SHORTCUTS[shortcut],
    run: () =>
      runInEditor(editor, () => {
        const current = editor.getEditorState().read(() => $getBlockType($getSelection()));
        formatBlock(editor, target, current, true);
      }),
  });
  const commands: Command[] = [
    {
      id: 'editor.undo',
      title: 'Undo',
      group: 'Edit',
      shortcut: SHORTCUTS.undo,
      run: () => runInEditor(editor, () => editor.dispatchCommand(UNDO_COMMAND, undefined)),
    },
    {
      id: 'editor.redo',
      title: 'Redo',
      group: 'Edit',
      shortcut: SHORTCUTS.redo,
      alternativeShortcuts: IS_APPLE ? [] : [SHORTCUTS.redoAlternative],
      run: () => runInEditor(editor, () => editor.dispatchCommand(REDO_COMMAND, undefined)),
    },
    format('editor.bold', 'Bold', 'bold', 'bold'),
    format('editor.italic', 'Italic', 'italic', 'italic'),
    format('editor.strikethrough', 'Strikethrough', 'strikethrough', 'strikethrough'),
    format('editor.highlight', 'Highlight', 'highlight', 'highlight'),
    format('editor.code', 'Inline code', 'code', 'code'),
    {
      id: 'editor.link',
      title: 'Insert or edit link',
      group: 'Format',
      shortcut: SHORTCUTS.link,
      run: () => runInEditor(editor, () => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)),
    },
    block('paragraph', 'Paragraph', 'paragraph'),
    block('h1', 'Heading 1', 'h1'),
    block('h2', 'Heading 2', 'h2'),
    block('h3', 'Heading 3', 'h3'),
    block('bullet', 'Bulleted list', 'bullet'),
    block('number', 'Numbered list', 'number'),
    block('check', 'Check list', 'check'),
    block('quote', 'Quote'),
    block('code', 'Code block'),
  ];
  if (editor.hasNodes([HorizontalRuleNode])) {
    commands.push({
      id: 'editor.insertRule',
      title: 'Horizontal rule',
      group: 'Insert',
      run: () => runInEditor(editor, () => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)),
    });
  }
  if (editor.hasNodes([TableNode])) {
    commands.push({
      id: 'editor.insertTable',
      title: 'Table',
      group: 'Insert',
      run: () =>
        runInEditor(editor, () =>
          editor.dispatchCommand(INSERT_TABLE_COMMAND, {
            rows: '3',
            columns: '3',
            includeHeaders: { rows: true, columns: false },
          }),
        ),
    });
  }
  if (editor.hasNodes([CalloutNode])) {
    commands.push({
      id: 'editor.insertCallout',
      title: 'Callout',
      group: 'Insert',
      run: () => runInEditor(editor, () => editor.dispatchCommand(INSERT_CALLOUT_COMMAND, undefined)),
    });
  }
  if (hasMedia) {
    commands.push({
      id: 'editor.insertImage',
      title: 'Insert image…',
      group: 'Insert',
      run: () => runInEditor(editor, () => editor.dispatchCommand(INSERT_IMAGE_COMMAND, undefined)),
    });
  }
  // The editor handles these keys itself; the palette lists them and runs them by name.
  return commands.map((command) => ({ ...command, bindShortcut: false }));
}

/**
 * Puts the editor's formatting commands in the command palette while an editable editor is
 * mounted (the same actions and shortcuts as the toolbar), and takes the focus when a note
 * was opened with focusEditorWhenReady. Paste as plain text (Mod+Shift+V) is not listed: it
 * needs the clipboard, which only a real paste gesture may read.
 */
export function EditorCommandsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const [editable, setEditable] = useState(() => editor.isEditable());
  const hasMedia = useContext(MediaHostContext) !== null;
  const commands = useMemo(() => editorCommands(editor, hasMedia), [editor, hasMedia]);

  useEffect(() => editor.registerEditableListener(setEditable), [editor]);

  useEffect(() => {
    if (performance.now() - focusRequestedAt > FOCUS_REQUEST_LIFETIME_MS) return;
    focusRequestedAt = -Infinity;
    editor.getRootElement()?.focus({ preventScroll: true });
    editor.focus(undefined, { defaultSelection: 'rootStart' });
  }, [editor]);

  useCommands(editable ? commands : []);
  return null;
}
