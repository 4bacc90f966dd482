import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { registerBlockIds } from '../blockIds/BlockIdPlugin';
import { $isBlockIdNode } from '../blockIds/BlockIdNode';
import { createMarkdownEditor, load, save } from '../markdown/testing/headlessEditor';
import { $isEmbedBlockNode } from './EmbedBlockNode';
import { embedKey, embedStop, MAX_EMBED_DEPTH } from './embedScope';

function $all(node: LexicalNode, into: LexicalNode[] = []): LexicalNode[] {
  into.push(node);
  if ($isElementNode(node)) for (const child of node.getChildren()) $all(child, into);
  return into;
}

const NOTE = [
  '# Hub',
  '',
  '![[Cells]]',
  '![[Cells#^atp-1]]',
  '',
  'Mitochondria make ATP. ^atp-1',
  '',
  '- item ^item-1',
  '  - nested ^Nested',
  '',
  'Not ids: x^2 and a^b',
  '',
  'Escaped \\^not-an-id',
  '',
].join('\n');

describe('embeds and block ids in the editor', () => {
  it('loads a paragraph of embeds as one embed block, hides block ids, and saves byte for byte', () => {
    const editor = createMarkdownEditor();
    registerBlockIds(editor);
    load(editor, NOTE);
    const { embeds, ids } = editor.getEditorState().read(() => {
      const nodes = $all($getRoot());
      return {
        embeds: nodes.filter($isEmbedBlockNode).map((node) => node.getText()),
        ids: nodes.filter($isBlockIdNode).map((node) => node.getId()),
      };
    });
    expect(embeds).toEqual(['![[Cells]]\n![[Cells#^atp-1]]']);
    expect(ids).toEqual(['atp-1', 'item-1', 'Nested']);
    expect(save(editor)).toBe(NOTE);
  });

  it('turns an id back into text once text follows it, and saves the edit', () => {
    const editor = createMarkdownEditor();
    registerBlockIds(editor);
    load(editor, 'Fact. ^fact-1\n');
    editor.update(
      () => {
        const id = $all($getRoot()).find($isBlockIdNode)!;
        id.setTextContent('^fact-1 more');
      },
      { discrete: true },
    );
    const ids = editor.getEditorState().read(() => $all($getRoot()).filter($isBlockIdNode).length);
    expect(ids).toBe(0);
    expect(save(editor)).toBe('Fact. ^fact-1 more\n');
  });
});

describe('embed cycles and depth', () => {
  const note = (path: string) => ({ kind: 'note' as const, path });
  it('stops an embed of a document part already shown around it, and nesting deeper than the limit', () => {
    const a = embedKey(note('A.md'), null);
    const b = embedKey(note('B.md'), null);
    expect(embedStop([a], a)).toBe('cycle');
    expect(embedStop([a, b], a)).toBe('cycle');
    expect(embedStop([a], embedKey(note('A.md'), 'Part'))).toBeNull();
    expect(embedStop([a, embedKey(note('A.md'), ' part ')], embedKey(note('A.md'), 'PART'))).toBe('cycle');
    const chain = Array.from({ length: MAX_EMBED_DEPTH + 1 }, (_, i) => embedKey(note(`N${i}.md`), null));
    expect(embedStop(chain.slice(0, MAX_EMBED_DEPTH), b)).toBeNull();
    expect(embedStop(chain, b)).toBe('depth');
  });
});
