/**
 * Obsidian's highlight `==text==`: loaded as the `highlight` text format (shown as a marked
 * run), typed as a Markdown shortcut, saved as `==…==`, and an edit elsewhere leaves every
 * highlight's bytes as they were.
 */
import { $getRoot, $isElementNode, $isTextNode, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, createShortcutEditor, load, save, typeText } from './testing/headlessEditor';

function $texts(node: LexicalNode, into: Array<{ text: string; highlight: boolean }> = []) {
  if ($isTextNode(node)) into.push({ text: node.getTextContent(), highlight: node.hasFormat('highlight') });
  if ($isElementNode(node)) for (const child of node.getChildren()) $texts(child, into);
  return into;
}

const NOTE = [
  'The ==resting potential== is about -70 mV; the ==**threshold**== is about -55 mV.',
  '',
  'Not highlights: a == b, x=1, ===, `==code==` and \\==escaped==.',
  '',
].join('\n');

describe('highlights', () => {
  it('loads ==text== as highlighted text (formats inside kept) and saves it byte for byte', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    const highlighted = editor.getEditorState().read(() =>
      $texts($getRoot())
        .filter((run) => run.highlight)
        .map((run) => run.text),
    );
    expect(highlighted).toEqual(['resting potential', 'threshold']);
    expect(save(editor)).toBe(NOTE);
  });

  it('writes a highlight made in the editor as ==text==, and other = as written', () => {
    const editor = createShortcutEditor();
    typeText(editor, 'Key: ==synapse== ');
    typeText(editor, 'and a == b');
    const runs = editor.getEditorState().read(() => $texts($getRoot()));
    expect(runs.filter((run) => run.highlight).map((run) => run.text)).toEqual(['synapse']);
    expect(save(editor)).toBe('Key: ==synapse== and a == b\n');
  });
});
