/// <reference types="vite/client" />
/**
 * The fixture corpus: every file loads and saves byte for byte, and editing one block
 * changes that block only — every other byte of the file stays, and the edited block
 * keeps every word and link it had.
 */
import { $isListItemNode, $isListNode, type ListItemNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { splitFrontMatter } from '@shared/markdown/frontMatter';
import type { BlockNode } from '@shared/markdown/model';
import { parseDocument } from '@shared/markdown/parseDocument';
import { blockEquivalent, readsBackAs } from '@shared/markdown/serializeBlock';
import {
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getState,
  $isElementNode,
  $isParagraphNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { $readBlock } from './convert/readModel';
import { unitOriginState } from './fidelity/states';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { linkUrls, plainText, wordsOf } from './testing/inspect';
import { createMarkdownEditor, load, roundTrip, save } from './testing/headlessEditor';

const fixtures = import.meta.glob('./fixtures/*.md', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const options = { isAllowedLinkUrl };

function $contentItems(node: LexicalNode, into: ListItemNode[]): void {
  if (!$isElementNode(node)) return;
  for (const child of node.getChildren()) {
    if ($isListItemNode(child) && !(child.getChildrenSize() === 1 && $isListNode(child.getFirstChild()))) {
      into.push(child);
    }
    $contentItems(child, into);
  }
}

/** Keys of the paragraphs (top level) and list items that came from the file. */
function targets(editor: LexicalEditor): { paragraphs: string[]; items: string[]; checks: string[] } {
  return editor.getEditorState().read(() => {
    const stamped = $getRoot()
      .getChildren()
      .filter((node) => $getState(node, unitOriginState) !== null);
    // Paragraphs; in a file without any, a heading or a quote.
    let blocks: LexicalNode[] = stamped.filter($isParagraphNode);
    if (blocks.length === 0) blocks = stamped.filter((node) => $isHeadingNode(node) || $isQuoteNode(node));
    const paragraphs = blocks.map((node) => node.getKey());
    const items: ListItemNode[] = [];
    $contentItems($getRoot(), items);
    const withOrigin = items.filter((item) => $getState(item, unitOriginState) !== null);
    return {
      paragraphs,
      items: withOrigin.map((item) => item.getKey()),
      checks: withOrigin.filter((item) => item.getChecked() !== undefined).map((item) => item.getKey()),
    };
  });
}

interface Edit {
  readonly saved: string;
  /** The edited unit's text range in the original body. */
  readonly start: number;
  readonly end: number;
  /** The edited paragraph as the editor holds it before and after the edit. */
  readonly before: BlockNode;
  readonly after: BlockNode;
}

/** Applies `change` to the node `key` and saves; returns what changed where. */
function edit(editor: LexicalEditor, body: string, key: string, change: (node: ElementNode) => void): Edit {
  // Paragraphs are compared as blocks; for list items only the saved text is checked.
  const blockOf = (): BlockNode =>
    editor.getEditorState().read(() => $readBlock($getNodeByKey(key)!, '') ?? { type: 'paragraph', children: [] });
  const unitId = editor.getEditorState().read(() => $getState($getNodeByKey(key)!, unitOriginState)!.id);
  const before = blockOf();
  editor.update(() => change($getNodeByKey<ElementNode>(key)!), { discrete: true });
  const after = blockOf();
  const unit = parseDocument(body, options).units[unitId]!;
  return { saved: save(editor), start: unit.start, end: unit.end, before, after };
}

/** The saved text must be the original with `[start, end)` replaced; returns the replacement. */
function replacement(body: string, result: Edit): string {
  const prefix = body.slice(0, result.start);
  const suffix = body.slice(result.end);
  expect(result.saved.startsWith(prefix)).toBe(true);
  expect(result.saved.endsWith(suffix)).toBe(true);
  return result.saved.slice(prefix.length, result.saved.length - suffix.length);
}

const entries = Object.entries(fixtures).sort(([a], [b]) => a.localeCompare(b));

describe('the Markdown fixture corpus', () => {
  it('has at least 30 files', () => {
    expect(entries.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(entries)('%s', (_path, text) => {
    const { frontMatter, body } = splitFrontMatter(text);

    it('loads and saves byte for byte (front matter split off and joined back)', () => {
      expect(frontMatter + roundTrip(body)).toBe(text);
    });

    it('editing one paragraph changes only that paragraph and keeps its words and links', () => {
      const editor = createMarkdownEditor();
      load(editor, body);
      const { paragraphs } = targets(editor);
      // Files of lists or raw Markdown only are covered by the tests below.
      if (paragraphs.length === 0) return;
      const key = paragraphs[Math.floor((paragraphs.length - 1) / 2)]!;
      const result = edit(editor, body, key, (node) => node.append($createTextNode(' edited')));
      const written = replacement(body, result);
      expect(readsBackAs(written, result.after, options)).toBe(true);
      const reread = parseDocument(written, options).blocks[0]!.block;
      expect(blockEquivalent(reread, result.after)).toBe(true);
      const text = plainText(reread);
      for (const word of wordsOf(plainText(result.before))) expect(text).toContain(word);
      expect(text.endsWith(' edited')).toBe(true);
      const urls = linkUrls(reread);
      for (const url of linkUrls(result.before)) expect(urls).toContain(url);
    });

    it('editing one list item rewrites that item only', () => {
      const editor = createMarkdownEditor();
      load(editor, body);
      const { items } = targets(editor);
      if (items.length === 0) return;
      const key = items[Math.floor((items.length - 1) / 2)]!;
      const words = editor.getEditorState().read(() => wordsOf($getNodeByKey<ListItemNode>(key)!.getTextContent()));
      const result = edit(editor, body, key, (node) => node.append($createTextNode(' edited')));
      const written = replacement(body, result);
      expect(written).toMatch(/ edited$/);
      for (const word of words) expect(written.replace(/\\(?=[!-/:-@[-`{-~])/g, '')).toContain(word);
    });

    it('ticking a task changes its checkbox only', () => {
      const editor = createMarkdownEditor();
      load(editor, body);
      const { checks } = targets(editor);
      if (checks.length === 0) return;
      const key = checks[0]!;
      const result = edit(editor, body, key, (node) => {
        const item = node as ListItemNode;
        item.setChecked(!item.getChecked());
      });
      const original = body.slice(result.start, result.end);
      const written = replacement(body, result);
      const toggled = original.replace(/\[([^\]\n\r])\]/, (_box, mark: string) => (mark === ' ' ? '[x]' : '[ ]'));
      expect(written).toBe(toggled);
    });
  });
});
