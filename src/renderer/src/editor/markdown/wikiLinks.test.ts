/**
 * Wiki links in the dialect: `[[Target]]`, `[[Target|label]]`, `[[Target#Heading]]` and
 * `[[Target#Heading|label]]` load as WikiLinkNodes and save exactly; code, escapes and
 * embeds stay what they are.
 */
import { $createCodeNode } from '@lexical/code';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $isCommentNode } from '../nodes/CommentNode';
import { $isImageNode, imageCandidates, imageSize } from '../nodes/ImageNode';
import { $createWikiLinkNode, $isWikiLinkNode, type WikiLinkNodeParts } from '../nodes/WikiLinkNode';
import { registerComments } from '../plugins/CommentPlugin';
import { createMarkdownEditor, createShortcutEditor, load, roundTrip, save, typeText } from './testing/headlessEditor';

interface SeenLink extends WikiLinkNodeParts {
  text: string;
  format: number;
}

function $collect(node: LexicalNode, into: SeenLink[]): void {
  if ($isWikiLinkNode(node)) into.push({ ...node.getParts(), text: node.getTextContent(), format: node.getFormat() });
  if ($isElementNode(node)) for (const child of node.getChildren()) $collect(child, into);
}

function linksIn(editor: LexicalEditor): SeenLink[] {
  return editor.getEditorState().read(() => {
    const links: SeenLink[] = [];
    $collect($getRoot(), links);
    return links;
  });
}

function loaded(markdown: string): LexicalEditor {
  const editor = createMarkdownEditor();
  load(editor, markdown);
  return editor;
}

/** Appends text to the first paragraph (an edit, so the paragraph is written by the serializer). */
function appendToFirstParagraph(editor: LexicalEditor, text: string): void {
  editor.update(
    () => {
      const paragraph = $getRoot().getFirstChildOrThrow<ElementNode>();
      paragraph.append($createTextNode(text));
    },
    { discrete: true },
  );
}

const link = (target: string, heading: string | null, label: string | null, text: string, format = 0): SeenLink => ({
  target,
  heading,
  label,
  escapedPipe: false,
  text,
  format,
});

describe('wiki links in the dialect', () => {
  const forms = [
    ['[[GABA Glutamate Ratio]]', link('GABA Glutamate Ratio', null, null, 'GABA Glutamate Ratio')],
    ['[[GABA Glutamate Ratio|the ratio]]', link('GABA Glutamate Ratio', null, 'the ratio', 'the ratio')],
    ['[[Neuron#Structure]]', link('Neuron', 'Structure', null, 'Neuron')],
    ['[[Neuron#Structure|its parts]]', link('Neuron', 'Structure', 'its parts', 'its parts')],
  ] as const;

  it.each(forms)('%s loads as a link node and saves byte for byte', (source, expected) => {
    const markdown = `Before ${source} after.\n`;
    const editor = loaded(markdown);
    expect(linksIn(editor)).toEqual([expected]);
    expect(save(editor)).toBe(markdown);
    // Edited, the paragraph is written again by the serializer: the link keeps its exact spelling.
    appendToFirstParagraph(editor, ' More.');
    expect(save(editor)).toBe(`Before ${source} after. More.\n`);
  });

  it('keeps odd spellings exactly: spaces, a same-note heading, the table pipe, emphasis', () => {
    const markdown =
      '[[ Cells # Mitosis | split ]] [[#Origin]] **[[Bold]]** *[[A|b]]*\n\n| a | b |\n| --- | --- |\n| [[T\\|x]] | y |\n';
    const editor = loaded(markdown);
    expect(linksIn(editor)).toEqual([
      link(' Cells ', ' Mitosis ', ' split ', 'split'),
      link('', 'Origin', null, 'Origin'),
      link('Bold', null, null, 'Bold', 1),
      link('A', null, 'b', 'b', 2),
      link('T', null, 'x', 'x'),
    ]);
    expect(save(editor)).toBe(markdown);
    appendToFirstParagraph(editor, ' !');
    expect(save(editor)).toBe(markdown.replace('*[[A|b]]*', '*[[A|b]]* !'));
  });

  it('makes no link inside code, of escaped brackets or of an embed', () => {
    const markdown = [
      'Code `[[Not a link]]` here.',
      '',
      '```',
      '[[In a fence]]',
      '```',
      '',
      'Escaped \\[[Not linked]] and \\[\\[Also not\\]\\].',
      '',
      'Inline embed ![[diagram.png]] and ![[Note#Part]].',
      '',
      '![[Only an embed.png]]',
      '',
    ].join('\n');
    const editor = loaded(markdown);
    expect(linksIn(editor)).toEqual([]);
    expect(save(editor)).toBe(markdown);
    expect(roundTrip(markdown)).toBe(markdown);
  });

  it('keeps escaped link text escaped when its paragraph is edited', () => {
    const editor = loaded('Escaped \\[[Not linked]] and ![[embed.png]].\n');
    appendToFirstParagraph(editor, ' x');
    const saved = save(editor);
    expect(saved).toBe('Escaped \\[[Not linked]] and ![[embed.png]]. x\n');
    expect(linksIn(loaded(saved))).toEqual([]);
  });

  it('writes a new link node as a wiki link, and text that looks like one as text', () => {
    const editor = createMarkdownEditor();
    editor.update(
      () => {
        $getRoot()
          .clear()
          .append(
            $createParagraphNode().append(
              $createTextNode('Read '),
              $createWikiLinkNode({ target: 'Cells', heading: 'Mitosis', label: 'division' }),
              $createTextNode(' — not [[this]]!'),
              $createWikiLinkNode({ target: 'Next' }),
            ),
          );
      },
      { discrete: true },
    );
    const saved = save(editor);
    expect(saved).toBe('Read [[Cells#Mitosis|division]] — not \\[[this]]\\![[Next]]\n');
    expect(linksIn(loaded(saved)).map((seen) => seen.target)).toEqual(['Cells', 'Next']);
  });

  it('survives the editor state as JSON (copy and paste, history)', () => {
    const editor = loaded('A [[B#C|d]] e.\n');
    const json = JSON.stringify(editor.getEditorState().toJSON());
    const other = createMarkdownEditor();
    other.setEditorState(other.parseEditorState(json));
    expect(linksIn(other)).toEqual([link('B', 'C', 'd', 'd')]);
  });

  it('turns a link made inline code, or moved into a code block, into its text', () => {
    const editor = loaded('A [[B|c]] d.\n');
    editor.update(
      () => {
        const paragraph = $getRoot().getFirstChildOrThrow<ElementNode>();
        const node = paragraph.getChildren().find($isWikiLinkNode)!;
        node.toggleFormat('code');
      },
      { discrete: true },
    );
    expect(linksIn(editor)).toEqual([]);
    expect(save(editor)).toBe('A `[[B|c]]` d.\n');

    const other = loaded('[[Moved]]\n');
    other.update(
      () => {
        const node = $getRoot().getFirstChildOrThrow<ElementNode>().getFirstChildOrThrow();
        $getRoot().append($createCodeNode().append(node));
      },
      { discrete: true },
    );
    expect(linksIn(other)).toEqual([]);
    expect(other.getEditorState().read(() => $getRoot().getLastChildOrThrow().getTextContent())).toBe('[[Moved]]');
  });
});

describe('typing a wiki link', () => {
  function typed(text: string): LexicalEditor {
    const editor = createShortcutEditor();
    typeText(editor, text);
    return editor;
  }

  it('makes a link node when the brackets close, and the caret goes on after it', () => {
    const editor = typed('See [[Neuron#Axon|the axon]] now');
    expect(linksIn(editor)).toEqual([link('Neuron', 'Axon', 'the axon', 'the axon')]);
    expect(save(editor)).toBe('See [[Neuron#Axon|the axon]] now\n');
    const last = editor.getEditorState().read(() => $getRoot().getFirstChildOrThrow<ElementNode>().getLastChild());
    expect(editor.getEditorState().read(() => $isTextNode(last) && !$isWikiLinkNode(last))).toBe(true);
  });

  it('leaves embeds, escaped brackets and empty links as text', () => {
    for (const text of ['![[image.png]]', '\\[[Escaped]]', '[[ ]]', '[[|label]]']) {
      expect(linksIn(typed(text)), text).toEqual([]);
    }
  });
});

describe('Markdown links to notes and comments in the editor', () => {
  it('loads Markdown links to vault paths as link chips that save byte for byte, even when edited', () => {
    const markdown =
      'See [one](Other.md), [two](Other%20Note.md#Part) and [web](https://x.org) %% a [[Hidden]] %% end.\n';
    const editor = loaded(markdown);
    expect(linksIn(editor)).toEqual([
      { ...link('Other.md', null, 'one', 'one'), markdown: '[one](Other.md)' },
      { ...link('Other Note.md', 'Part', 'two', 'two'), markdown: '[two](Other%20Note.md#Part)' },
    ]);
    expect(save(editor)).toBe(markdown);
    appendToFirstParagraph(editor, ' More.');
    expect(save(editor)).toBe(markdown.replace('end.\n', 'end. More.\n'));
  });

  it('shows a %%comment%% as its own node, and turns it back into text when its %% pair breaks', () => {
    const editor = createMarkdownEditor();
    registerComments(editor);
    const markdown = 'Before %% note to self %% after.\n';
    load(editor, markdown);
    const comments = () =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getAllTextNodes()
          .filter($isCommentNode)
          .map((node) => node.getTextContent()),
      );
    expect(comments()).toEqual(['%% note to self %%']);
    expect(save(editor)).toBe(markdown);
    editor.update(
      () => {
        const node = $getRoot().getAllTextNodes().find($isCommentNode)!;
        node.setTextContent('%% note to self');
      },
      { discrete: true },
    );
    expect(comments()).toEqual([]);
    expect(save(editor)).toBe('Before %% note to self after.\n');
  });
});

describe('images of the vault in the editor', () => {
  it('shows image embeds and Markdown images as image nodes that save byte for byte, even when edited', () => {
    const markdown =
      'A ![[x.png]] b ![[x.png|200]] c ![[sub/x.png|200x100]]\n\n![alt text](x.png) and ![a <b>](sub/x%20y.png)\n\n' +
      'Not images: ![[Note]] ![[Note#Part]]; media: ![remote](https://x.org/a.png) ![[paper.pdf]]\n';
    const editor = loaded(markdown);
    const images = editor
      .getEditorState()
      .read(() =>
        $getRoot()
          .getChildren()
          .flatMap((block) => ($isElementNode(block) ? block.getChildren() : [])),
      )
      .filter($isImageNode);
    expect(images.map((image) => image.__parts)).toEqual([
      { source: '![[x.png]]', target: 'x.png', label: null },
      { source: '![[x.png|200]]', target: 'x.png', label: '200' },
      { source: '![[sub/x.png|200x100]]', target: 'sub/x.png', label: '200x100' },
      { source: '![alt text](x.png)', target: 'x.png', label: 'alt text' },
      { source: '![a <b>](sub/x%20y.png)', target: 'sub/x y.png', label: 'a <b>' },
      // A web image (a placeholder until allowed) and another attachment (a file chip).
      { source: '![remote](https://x.org/a.png)', target: 'https://x.org/a.png', label: 'remote' },
      { source: '![[paper.pdf]]', target: 'paper.pdf', label: null },
    ]);
    expect(save(editor)).toBe(markdown);
    appendToFirstParagraph(editor, ' More.');
    expect(save(editor)).toBe(markdown.replace('200x100]]\n', '200x100]] More.\n'));
  });

  it('reads sizes and the places an image is looked for', () => {
    expect(imageSize('200')).toEqual({ width: 200 });
    expect(imageSize('200x100')).toEqual({ width: 200, height: 100 });
    expect(imageSize('a caption')).toEqual({});
    expect(imageCandidates('x.png', 'Bio/Cells.md')).toEqual(['Bio/x.png', 'x.png', 'attachments/x.png']);
    expect(imageCandidates('../x.png', 'Bio/Cells.md')).toEqual([]);
  });
});
