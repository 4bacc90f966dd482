import { registerMarkdownShortcuts } from '@lexical/markdown';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { EDITOR_NODES, TRANSFORMERS } from '../dialect';
import { $exportMarkdown } from '../exportMarkdown';
import { $importMarkdown } from '../importMarkdown';

/** A headless editor with the dialect's nodes, failing loudly on any Lexical error. */
export function createMarkdownEditor(): LexicalEditor {
  return createEditor({
    namespace: 'markdown-test',
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/** Imports `markdown` into `editor` (replacing its content). */
export function load(editor: LexicalEditor, markdown: string): void {
  editor.update(() => $importMarkdown(markdown), { discrete: true });
}

/** The editor's content as Markdown. */
export function save(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => $exportMarkdown());
}

/** Import then export in a fresh editor. */
export function roundTrip(markdown: string): string {
  const editor = createMarkdownEditor();
  load(editor, markdown);
  return save(editor);
}

/** An editor with the Markdown shortcuts registered (as the plugin does) and one empty paragraph selected. */
export function createShortcutEditor(): LexicalEditor {
  const editor = createMarkdownEditor();
  registerMarkdownShortcuts(editor, TRANSFORMERS);
  editor.update(
    () => {
      const paragraph = $createParagraphNode();
      $getRoot().clear().append(paragraph);
      paragraph.select();
    },
    { discrete: true },
  );
  return editor;
}

/** Types `text` at the selection one character at a time, as the shortcut plugin sees typing. */
export function typeText(editor: LexicalEditor, text: string): void {
  for (const char of text) {
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(char);
      },
      { discrete: true },
    );
  }
  // The shortcuts transform in an update of their own, queued behind the keystroke.
  editor.update(() => undefined, { discrete: true });
}
