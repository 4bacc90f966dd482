import { createEditor, type LexicalEditor } from 'lexical';
import { EDITOR_NODES } from '../dialect';
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
