/**
 * Inline math in the editor, as Obsidian's live preview shows it: `$…$` in text becomes a
 * typeset formula (MathInlineNode), except where the caret is, which shows the source for
 * editing. A click on a formula, or an arrow key moving into one, puts the caret in its
 * source. The document's text never changes: a formula's node holds its source verbatim,
 * so saving is unaffected. Text that was escaped in the file (`\$5 and \$6`) stays text,
 * as does text in code, in links and with formats (only plain runs are typeset).
 */
import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { matchInlineMath } from '@shared/markdown/inlineSyntax';
import {
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $getState,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
  TextNode,
} from 'lexical';
import { useEffect } from 'react';
import { escapedLiteralsState } from '../markdown/fidelity/states';
import { $revealSource, registerArrowReveal } from '../plugins/inlineSourceReveal';
import { $createMathInlineNode, $isMathInlineNode, MathInlineNode } from './MathInlineNode';
import { typesetWhenVisible } from './mathElement';
import { texOf } from './renderMath';

/** The first formula in `text` outside `[caretFrom, caretTo]`, not an escaped literal: [start, end) or null. */
export function findInlineMath(
  text: string,
  escaped: readonly string[],
  caret: number | null,
): [number, number] | null {
  for (let index = text.indexOf('$'); index >= 0; index = text.indexOf('$', index + 1)) {
    const end = matchInlineMath(text, index);
    if (end < 0) continue;
    const source = text.slice(index, end);
    if (!escaped.includes(source) && (caret === null || caret < index || caret > end)) return [index, end];
    index = end - 1;
  }
  return null;
}

function $canHoldMath(node: TextNode): boolean {
  if (node.getType() !== 'text' || node.getFormat() !== 0 || !node.isSimpleText()) return false;
  const parent = node.getParent();
  return parent !== null && !$isCodeNode(parent) && !$isLinkNode(parent);
}

function $caretIn(node: TextNode): number | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const { anchor, focus } = selection;
  if (anchor.key === node.getKey()) return anchor.offset;
  if (focus.key === node.getKey()) return focus.offset;
  return null;
}

function $typesetText(node: TextNode): void {
  if (!$canHoldMath(node)) return;
  const text = node.getTextContent();
  if (!text.includes('$')) return;
  const parent = node.getParent();
  const escaped = $isElementNode(parent) ? $getState(parent, escapedLiteralsState) : [];
  const found = findInlineMath(text, escaped, $caretIn(node));
  if (found === null) return;
  const [start, end] = found;
  const parts = node.splitText(start, end);
  const target = start === 0 ? parts[0]! : parts[1]!;
  target.replace($createMathInlineNode(text.slice(start, end)));
}

export function MathPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => (editor.hasNodes([MathInlineNode]) ? registerInlineMath(editor) : undefined), [editor]);
  return null;
}

/** Registers the inline math behaviour (see module doc) on `editor`; returns its cleanup. */
export function registerInlineMath(editor: LexicalEditor): () => void {
  let caretKey: string | null = null;
  let caretOffset = -1;
  // Formulas waiting to come near the viewport, by node key: stopped when their node goes.
  const waiting = new Map<string, () => void>();
  return mergeRegister(
    editor.registerNodeTransform(TextNode, $typesetText),
    editor.registerMutationListener(
      MathInlineNode,
      (mutations) => {
        const state = editor.getEditorState();
        for (const [key, mutation] of mutations) {
          waiting.get(key)?.();
          waiting.delete(key);
          if (mutation === 'destroyed') continue;
          const host = editor.getElementByKey(key);
          const source = state.read(() => $getNodeByKey(key)?.getTextContent() ?? null);
          if (host === null || source === null) continue;
          waiting.set(key, typesetWhenVisible(host, texOf(source).tex, false));
        }
      },
      { skipInitialization: false },
    ),
    () => {
      for (const stop of waiting.values()) stop();
      waiting.clear();
    },
    // When the caret moves within or out of a text holding `$`, typeset what it left.
    editor.registerUpdateListener(({ editorState }) => {
      const previousKey = caretKey;
      const previousOffset = caretOffset;
      editorState.read(() => {
        const selection = $getSelection();
        caretKey = $isRangeSelection(selection) ? selection.anchor.key : null;
        caretOffset = $isRangeSelection(selection) ? selection.anchor.offset : -1;
      });
      if (previousKey === null || (previousKey === caretKey && previousOffset === caretOffset)) return;
      if (editor.isComposing()) return;
      const left = editorState.read(() => {
        const node = $getNodeByKey(previousKey);
        return $isTextNode(node) && node.getTextContent().includes('$');
      });
      if (!left) return;
      editor.update(
        () => {
          const node = $getNodeByKey(previousKey);
          if ($isTextNode(node)) $typesetText(node);
        },
        { tag: 'history-merge' },
      );
    }),
    editor.registerCommand(
      CLICK_COMMAND,
      (event) => {
        const host = event.target instanceof Element ? event.target.closest('.math-inline-host') : null;
        if (!host || !editor.isEditable()) return false;
        const node = $getNearestNodeFromDOMNode(host);
        if (!$isMathInlineNode(node)) return false;
        $revealSource(node, node.getSource().length - 1);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    registerArrowReveal(
      editor,
      $isMathInlineNode,
      () => 1,
      (node) => node.getSource().length - 1,
    ),
  );
}
