/// <reference types="vite/client" />
/**
 * Loading and saving in slices give exactly what loading and saving at once give: a note
 * parsed a block at a time has the same blocks and units, a document imported a block at
 * a time saves to the same bytes (and the same after an edit), and the export cache
 * warmed ahead of a save changes nothing in what is saved. Blocks too long to format are
 * kept raw and byte for byte.
 */
import { DocumentParser, MAX_FORMATTED_BLOCK, MAX_FORMATTED_LINE, parseDocument } from '@shared/markdown/parseDocument';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isParagraphNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $isRawBlockNode } from '../nodes/RawBlockNode';
import { $exportMarkdown, $warmExportCache } from './exportMarkdown';
import { $startImportMarkdown } from './importMarkdown';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { createMarkdownEditor, load, save } from './testing/headlessEditor';
import { largeNote } from './testing/largeNote';

const fixtures = import.meta.glob('./fixtures/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const options = { isAllowedLinkUrl };
const texts: Array<[string, string]> = [...Object.entries(fixtures), ['largeNote', largeNote(5_000)]];

/** A budget of `n` checks: `hasTime` answers yes n − 1 times, then no from then on. */
function every(n: number): () => boolean {
  let left = n;
  return () => --left > 0;
}

function loadInSlices(markdown: string, slice: number) {
  const editor = createMarkdownEditor();
  let started: ReturnType<typeof $startImportMarkdown> | null = null;
  editor.update(() => (started = $startImportMarkdown(markdown)), { discrete: true });
  let slices = 0;
  while (!started!.done) {
    editor.update(() => started!.$continue(every(slice)), { discrete: true });
    slices++;
  }
  return { editor, slices };
}

/** Appends " edited" to the middle paragraph. */
function editMiddleParagraph(editor: ReturnType<typeof createMarkdownEditor>): void {
  editor.update(
    () => {
      const paragraphs = $getRoot().getChildren().filter($isParagraphNode);
      paragraphs[Math.floor(paragraphs.length / 2)]?.append($createTextNode(' edited'));
    },
    { discrete: true },
  );
}

describe('parsing in slices', () => {
  it.each(texts)('%s: a block at a time gives what parseDocument gives', (_name, text) => {
    const parser = new DocumentParser(text, options);
    const seen: unknown[] = [];
    while (!parser.step(() => false)) {
      // Settled blocks never change afterwards.
      for (let index = 0; index < parser.settled; index++) {
        if (seen[index] === undefined) seen[index] = parser.blocks[index];
        else expect(parser.blocks[index]).toBe(seen[index]);
      }
    }
    const whole = parseDocument(text, options);
    expect(JSON.stringify({ blocks: parser.blocks, units: parser.units, eol: parser.eol })).toBe(JSON.stringify(whole));
  });
});

describe('importing in slices', () => {
  it.each(texts)('%s: saves the same bytes, before and after an edit', (_name, text) => {
    const { editor, slices } = loadInSlices(text, 2);
    const whole = createMarkdownEditor();
    load(whole, text);
    if (text.length > 2_000) expect(slices).toBeGreaterThan(1);
    expect(save(editor)).toBe(text);
    editMiddleParagraph(editor);
    editMiddleParagraph(whole);
    expect(save(editor)).toBe(save(whole));
  });
});

describe('warming the export cache', () => {
  it('changes nothing in what is saved, and can stop and go on', () => {
    const text = largeNote(5_000);
    const editor = createMarkdownEditor();
    load(editor, text);
    let next = 0;
    let rounds = 0;
    while (next >= 0) {
      next = editor.getEditorState().read(() => $warmExportCache(next, every(7)));
      rounds++;
    }
    expect(rounds).toBeGreaterThan(2);
    expect(save(editor)).toBe(text);
    editMiddleParagraph(editor);
    expect(editor.getEditorState().read(() => $exportMarkdown())).toContain(' edited');
    expect(save(editor).length).toBe(text.length + ' edited'.length);
  });
});

describe('blocks too long to format', () => {
  const longLine = `${'word '.repeat(Math.ceil(MAX_FORMATTED_LINE / 5))}**end**`;
  const longParagraph = Array.from(
    { length: Math.ceil(MAX_FORMATTED_BLOCK / 40) },
    () => 'a line of a paragraph with no blank line',
  ).join('\n');

  it.each([
    ['a long line', `# Title\n\n${longLine}\n\nAfter.\n`],
    ['a long paragraph', `Before.\n\n${longParagraph}\n`],
    ['a list item with a long line', `- short\n- ${longLine}\n`],
    ['1.6 million <', `x\n\n${'<'.repeat(1_600_000)}\n`],
    ['50,000 [[', `${'[['.repeat(50_000)}\n`],
    ['CRLF', `Before.\r\n\r\n${longLine}\r\n`],
  ])('%s is a raw block, saved byte for byte, also after an edit elsewhere', (_name, text) => {
    const parsed = parseDocument(text, options);
    const raw = parsed.blocks.find((block) => block.block.type === 'raw');
    expect(raw?.block).toMatchObject({ type: 'raw', kind: 'long' });
    const editor = createMarkdownEditor();
    load(editor, text);
    expect(editor.getEditorState().read(() => $getRoot().getChildren().some($isRawBlockNode))).toBe(true);
    expect(save(editor)).toBe(text);
    editor.update(
      () => {
        const first = $getRoot().getFirstChild();
        if ($isElementNode(first) && !$isRawBlockNode(first)) first.append($createTextNode('!'));
        else $getRoot().append($createParagraphNode().append($createTextNode('?')));
      },
      { discrete: true },
    );
    const saved = save(editor);
    const body = (raw!.block as { text: string }).text;
    expect(saved.replace(/\r\n/g, '\n')).toContain(body);
  });

  it('keeps a long list of short items a list', () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `- item ${i} of a long list`).join('\n');
    expect(text.length).toBeGreaterThan(MAX_FORMATTED_BLOCK);
    expect(parseDocument(text, options).blocks.map((block) => block.block.type)).toEqual(['list']);
  });
});
