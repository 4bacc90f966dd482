import { $isListNode } from '@lexical/list';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { registerBlockIds } from '../blockIds/BlockIdPlugin';
import { $isBlockIdNode } from '../blockIds/BlockIdNode';
import { createMarkdownEditor, load, save } from '../markdown/testing/headlessEditor';
import { $selectBlockId } from '../blockIds/selectBlockId';
import { $isCalloutNode } from '../callouts/CalloutNode';
import { $isRawBlockNode, type RawBlockNode } from '../nodes/RawBlockNode';
import { $isEmbedBlockNode } from './EmbedBlockNode';
import { $isItemEmbedNode, REVEAL_ITEM_EMBED } from './ItemEmbedNode';
import { isItemEmbedText, registerItemEmbeds } from './ItemEmbedPlugin';
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

describe('embeds in list items and callouts, and block ids naming a list (as Obsidian writes them)', () => {
  const OBSIDIAN = [
    '- ![[Cells]]',
    '- see ![[Cells#Membranes]] inline',
    '- ![[diagram.png]]',
    '  - ![[Cells#^atp-1]]  ',
    '',
    '> [!note] Embedded in a callout',
    '> ![[Cells#^atp-1]]',
    '>',
    '> - ![[Glossary entry]]',
    '',
    '- first',
    '- second',
    '',
    '^list-1',
    '',
    'After.',
    '',
  ].join('\n');

  function loaded(): LexicalEditor {
    const editor = createMarkdownEditor();
    registerBlockIds(editor);
    registerItemEmbeds(editor);
    load(editor, OBSIDIAN);
    return editor;
  }

  it('shows an item made only of note embeds as embeds; text, images and the rest stay as they were', () => {
    const editor = loaded();
    const shown = editor.getEditorState().read(() =>
      $all($getRoot())
        .filter($isItemEmbedNode)
        .map((node) => node.getSource()),
    );
    expect(shown).toEqual(['![[Cells]]', '![[Cells#Membranes]]', '![[Cells#^atp-1]]', '![[Glossary entry]]']);
    expect(save(editor)).toBe(OBSIDIAN);
  });

  it('shows an embed in a callout body as an embed block inside the callout, saved byte for byte', () => {
    const editor = loaded();
    const inCallout = editor.getEditorState().read(() =>
      $all($getRoot())
        .filter($isEmbedBlockNode)
        .map((node) => [node.getText(), $isCalloutNode(node.getParent())]),
    );
    expect(inCallout).toEqual([['![[Cells#^atp-1]]', true]]);
    expect(isItemEmbedText('![[Note]] ![[Other#Part]]')).toBe(true);
    expect(isItemEmbedText('![[x.png]]')).toBe(false);
    expect(isItemEmbedText('text ![[Note]]')).toBe(false);
    expect(isItemEmbedText('![[Note]]', ['![[Note]]'])).toBe(false);
  });

  it('shows embeds in the middle of a line in its place, between the words around it, saved byte for byte', async () => {
    const MIDLINE = [
      'See ![[Cells#Membranes]] and ![[Glossary entry]] here.',
      '',
      'Not these: \\![[Cells]], ![[diagram.png]], **![[Cells]]**, `![[Cells]]`.',
      '',
      '> [!tip] In a callout',
      '> Compare ![[Cells#^atp-1]] with it.',
      '',
    ].join('\n');
    const editor = createMarkdownEditor();
    registerItemEmbeds(editor);
    load(editor, MIDLINE);
    const lines = editor.getEditorState().read(() =>
      $all($getRoot())
        .filter((node) => $isElementNode(node) && node.getType() === 'paragraph')
        .map((node) =>
          ($isElementNode(node) ? node.getChildren() : []).map((child) =>
            $isItemEmbedNode(child) ? `<${child.getSource()}>` : child.getTextContent(),
          ),
        ),
    );
    expect(lines[0]).toEqual(['See ', '<![[Cells#Membranes]]>', ' and ', '<![[Glossary entry]]>', ' here.']);
    expect(lines[1]!.filter((part) => part.startsWith('<'))).toEqual([]);
    expect(lines[1]!.join('')).toContain('![[diagram.png]]');
    expect(lines.flat().filter((part) => part.startsWith('<'))).toEqual([
      '<![[Cells#Membranes]]>',
      '<![[Glossary entry]]>',
      '<![[Cells#^atp-1]]>',
    ]);
    expect(save(editor)).toBe(MIDLINE);

    // Revealed for editing, the embed is text again in its line; leaving it shows it again.
    const key = editor.getEditorState().read(() => $all($getRoot()).find($isItemEmbedNode)!.getKey());
    editor.dispatchCommand(REVEAL_ITEM_EMBED, key);
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText('!');
      },
      { discrete: true },
    );
    expect(save(editor)).toBe(MIDLINE.replace('![[Cells#Membranes]]', '![[Cells#Membranes]]!'));
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
    // The caret left the text: the plugin's own update (queued by its listener) shows the embeds.
    await new Promise<void>((resolve) => editor.update(() => undefined, { onUpdate: resolve }));
    const shownAgain = editor.getEditorState().read(() =>
      $all($getRoot())
        .filter($isItemEmbedNode)
        .map((node) => node.getSource()),
    );
    expect(shownAgain).toEqual(['![[Cells#Membranes]]', '![[Glossary entry]]', '![[Cells#^atp-1]]']);
    expect(save(editor)).toBe(MIDLINE.replace('![[Cells#Membranes]]', '![[Cells#Membranes]]!'));
  });

  it('turns the embeds back into their text when revealed, and an edit saves only that item', () => {
    const editor = loaded();
    const key = editor.getEditorState().read(() => $all($getRoot()).find($isItemEmbedNode)!.getKey());
    editor.dispatchCommand(REVEAL_ITEM_EMBED, key);
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(' and more');
      },
      { discrete: true },
    );
    expect(save(editor)).toBe(OBSIDIAN.replace('- ![[Cells]]\n', '- ![[Cells]] and more\n'));
  });

  it('hides a lone block id after a list and puts the caret at the end of that list for [[Note#^id]]', () => {
    const editor = loaded();
    const line = editor.getEditorState().read(() =>
      $all($getRoot())
        .filter((node) => $isRawBlockNode(node) && !$isEmbedBlockNode(node))
        .map((node) => [(node as RawBlockNode).getKind(), (node as RawBlockNode).getText()]),
    );
    expect(line).toEqual([['blockId', '^list-1']]);
    let found: { key: string } | null = null;
    editor.update(() => (found = $selectBlockId('LIST-1')), { discrete: true });
    const at = editor.getEditorState().read(() => {
      const selection = $getSelection();
      const list = $getNodeByKey(found!.key);
      return {
        isList: $isListNode(list),
        caret: $isRangeSelection(selection) ? selection.anchor.getNode().getTextContent() : null,
      };
    });
    expect(at).toEqual({ isList: true, caret: 'second' });
    expect(save(editor)).toBe(OBSIDIAN);
  });
});
