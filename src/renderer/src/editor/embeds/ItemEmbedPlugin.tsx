/**
 * Embeds inside text, as Obsidian shows them: an embed of a note, heading, block or entry
 * written in a paragraph or a list item (`- ![[Note]]`, `see ![[Note#Part]] here`) shows the
 * target's content in a frame (ItemEmbedNode) in the line, except while the caret is in that
 * text, which shows the source for editing. A list item whose whole text is embeds becomes
 * one node; in other text each embed becomes its own node between the words around it.
 * Arrow keys into it, a click on a frame outside its title and links, or the frame's edit
 * button put the caret in the source. The document's text never changes: the node holds its
 * source verbatim, so the note saves byte for byte. Images and attachments are not handled
 * here (the dialect reads them as image nodes); nor is escaped text, nor formatted text
 * (bold, code, links).
 */
import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { attachmentKindOf } from '@shared/domain/attachments';
import { scanWikiLinks } from '@shared/links/parseWikiLinks';
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $getState,
  $isRangeSelection,
  $isParagraphNode,
  $isTextNode,
  CLICK_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
  TextNode,
} from 'lexical';
import { useEffect } from 'react';
import { escapedLiteralsState } from '../markdown/fidelity/states';
import { $revealSource, registerArrowReveal } from '../plugins/inlineSourceReveal';
import { $createItemEmbedNode, $isItemEmbedNode, ItemEmbedNode, REVEAL_ITEM_EMBED } from './ItemEmbedNode';

const ONLY_EMBEDS = /^[ \t]*(?:!\[\[[^\]\n]+\]\][ \t]*)+$/;

/** True when `text` (a list item's whole text) is embeds of notes or entries only, none escaped. */
export function isItemEmbedText(text: string, escaped: readonly string[] = []): boolean {
  if (!ONLY_EMBEDS.test(text)) return false;
  const links = scanWikiLinks(text);
  if (links.length === 0) return false;
  return links.every(
    (link) => link.embed && attachmentKindOf(link.target) === null && !escaped.includes(link.source.trim()),
  );
}

function $caretIn(node: TextNode): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  return selection.anchor.key === node.getKey() || selection.focus.key === node.getKey();
}

/** The embeds of notes, headings, blocks or entries in `text` (a line of a paragraph or item), none escaped. */
export function inlineEmbedSpans(text: string, escaped: readonly string[] = []): Array<{ start: number; end: number }> {
  if (!text.includes('![[')) return [];
  return scanWikiLinks(text)
    .filter((link) => link.embed && attachmentKindOf(link.target) === null && !escaped.includes(link.source.trim()))
    .map((link) => ({ start: link.start, end: link.end }));
}

function $showEmbeds(node: TextNode): void {
  if (node.getType() !== 'text' || node.getFormat() !== 0 || !node.isSimpleText()) return;
  const text = node.getTextContent();
  if (!text.includes('![[')) return;
  const parent = node.getParent();
  if (!$isListItemNode(parent) && !$isParagraphNode(parent)) return;
  if ($caretIn(node)) return;
  const escaped = $getState(parent, escapedLiteralsState);
  if ($isListItemNode(parent) && parent.getChildrenSize() === 1 && isItemEmbedText(text, escaped)) {
    node.replace($createItemEmbedNode(text));
    return;
  }
  const spans = inlineEmbedSpans(text, escaped);
  if (spans.length === 0) return;
  // Each embed becomes its own node; the words between them stay text nodes.
  const cuts = [...new Set(spans.flatMap((span) => [span.start, span.end]))].filter(
    (offset) => offset > 0 && offset < text.length,
  );
  const parts = cuts.length > 0 ? node.splitText(...cuts) : [node];
  let offset = 0;
  for (const part of parts) {
    const start = offset;
    offset += part.getTextContentSize();
    if (spans.some((span) => span.start === start && span.end === offset)) {
      part.replace($createItemEmbedNode(part.getTextContent()));
    }
  }
}

export function ItemEmbedPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerItemEmbeds(editor), [editor]);
  return null;
}

/** Registers the item-embed behaviour (see module doc) on `editor`; returns its cleanup. */
export function registerItemEmbeds(editor: LexicalEditor): () => void {
  if (!editor.hasNodes([ItemEmbedNode])) return () => undefined;
  let caretKey: string | null = null;
  return mergeRegister(
    editor.registerNodeTransform(TextNode, $showEmbeds),
    // When the caret leaves a text of embeds, show them again.
    editor.registerUpdateListener(({ editorState }) => {
      const previousKey = caretKey;
      editorState.read(() => {
        const selection = $getSelection();
        caretKey = $isRangeSelection(selection) ? selection.anchor.key : null;
      });
      if (previousKey === null || previousKey === caretKey || editor.isComposing()) return;
      const left = editorState.read(() => {
        const node = $getNodeByKey(previousKey);
        return $isTextNode(node) && node.getTextContent().includes('![[');
      });
      if (!left) return;
      editor.update(
        () => {
          const node = $getNodeByKey(previousKey);
          if ($isTextNode(node)) $showEmbeds(node);
        },
        { tag: 'history-merge' },
      );
    }),
    editor.registerCommand(
      REVEAL_ITEM_EMBED,
      (key) => {
        editor.update(() => {
          const node = $getNodeByKey(key);
          if ($isItemEmbedNode(node)) $revealSource(node, node.getSource().length);
        });
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      CLICK_COMMAND,
      (event) => {
        const target = event.target instanceof Element ? event.target : null;
        const host = target?.closest('.ed-item-embed');
        if (!host || !editor.isEditable()) return false;
        // The title, links, tags and buttons in a frame act on their own.
        if (target?.closest('a, button, [data-wiki-target], .tag-pill, .ed-embed__content')) return false;
        const node = $getNearestNodeFromDOMNode(host);
        if (!$isItemEmbedNode(node)) return false;
        $revealSource(node, node.getSource().length);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    registerArrowReveal(
      editor,
      $isItemEmbedNode,
      () => 0,
      (node) => node.getSource().length,
    ),
  );
}
