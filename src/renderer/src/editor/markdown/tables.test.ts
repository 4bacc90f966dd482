/**
 * GFM tables load as Lexical tables; saving keeps unchanged rows byte for byte and writes
 * edited rows in the dialect.
 */
import { $isTableNode, $isTableRowNode, type TableCellNode, type TableNode, type TableRowNode } from '@lexical/table';
import { $createTextNode, $getRoot, type ElementNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $isRawBlockNode } from '../nodes/RawBlockNode';
import { createMarkdownEditor, load, save } from './testing/headlessEditor';

const TABLE =
  'Intro.\n\n| Receptor | Type |  Ion |\n| :------- | :--: | ---: |\n| AMPA | ionotropic | Na⁺ |\n|NMDA|ionotropic|Ca²⁺|\n\nAfter.\n';

function table(): TableNode {
  return $getRoot().getChildren().find($isTableNode)!;
}

function cell(row: number, column: number): TableCellNode {
  return table().getChildAtIndex<TableRowNode>(row)!.getChildAtIndex<TableCellNode>(column)!;
}

function edit(editor: LexicalEditor, fn: () => void): string {
  editor.update(fn, { discrete: true });
  return save(editor);
}

describe('GFM tables', () => {
  it('load as tables with a header row, and save unchanged byte for byte', () => {
    const editor = createMarkdownEditor();
    load(editor, TABLE);
    expect(editor.getEditorState().read(() => table().getChildren().filter($isTableRowNode).length)).toBe(3);
    expect(editor.getEditorState().read(() => cell(2, 2).getTextContent())).toBe('Ca²⁺');
    expect(save(editor)).toBe(TABLE);
  });

  it('write an edited cell’s row only', () => {
    const editor = createMarkdownEditor();
    load(editor, TABLE);
    const saved = edit(editor, () => cell(2, 0).getFirstChildOrThrow<ElementNode>().append($createTextNode(' | GluN')));
    expect(saved).toBe(TABLE.replace('|NMDA|ionotropic|Ca²⁺|', '| NMDA \\| GluN | ionotropic | Ca²⁺ |'));
  });

  it('rewrite the delimiter row only when columns change', () => {
    const editor = createMarkdownEditor();
    load(editor, TABLE);
    const saved = edit(editor, () => {
      for (const row of table().getChildren<TableRowNode>()) {
        row.getLastChildOrThrow<TableCellNode>().remove();
      }
    });
    expect(saved).toBe(
      'Intro.\n\n| Receptor | Type |\n| :--- | :---: |\n| AMPA | ionotropic |\n| NMDA | ionotropic |\n\nAfter.\n',
    );
  });

  it('keep inline formatting, links and pipes in cells', () => {
    const markdown = '| a | b |\n|---|---|\n| **bold** `x\\|y` | [l](https://x.org) \\| [[w]] |\n';
    const editor = createMarkdownEditor();
    load(editor, markdown);
    expect(editor.getEditorState().read(() => cell(1, 0).getTextContent())).toBe('bold x|y');
    const saved = edit(editor, () => cell(1, 1).getFirstChildOrThrow<ElementNode>().append($createTextNode('!')));
    expect(saved).toBe('| a | b |\n|---|---|\n| **bold** `x\\|y` | [l](https://x.org) \\| [[w]]! |\n');
  });

  it('stay raw Markdown when a row has more cells than the header', () => {
    const markdown = 'a | b\n--|--\n`x|y` | z\n';
    const editor = createMarkdownEditor();
    load(editor, markdown);
    expect(editor.getEditorState().read(() => $isRawBlockNode($getRoot().getFirstChild()))).toBe(true);
    expect(save(editor)).toBe(markdown);
  });
});
