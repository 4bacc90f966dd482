/**
 * Footnotes in the editor (Obsidian's syntax; see footnoteSyntax.ts):
 * - text that reads as a reference `[^label]` or an inline footnote `^[text]` becomes a
 *   FootnoteRefNode, shown as a superscript number (order of first reference); a reference
 *   with no definition in the note is shown as written, muted and marked missing;
 * - hovering a marker, or the caret in it, shows the footnote's text in a small card (set as
 *   text, never as HTML); the caret in a marker shows its source, to edit it;
 * - a click on a marker scrolls to its definition and selects it (Enter then edits it).
 * The text is never changed: the note saves byte for byte.
 */
import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $getState,
  $isElementNode,
  $isRangeSelection,
  $onUpdate,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  TextNode,
} from 'lexical';
import { useEffect } from 'react';
import { escapedLiteralsState } from '../markdown/fidelity/states';
import { $isRawBlockNode, RawBlockNode } from '../nodes/RawBlockNode';
import { $createFootnoteRefNode, $isFootnoteRefNode, FootnoteRefNode } from './FootnoteRefNode';
import { type FootnoteIndex, getFootnoteIndex, setFootnoteIndex } from './footnoteIndex';
import {
  findFootnote,
  footnoteLabelOf,
  inlineFootnoteText,
  isFootnoteSource,
  parseFootnoteDefinition,
} from './footnoteSyntax';

function $escapedOf(node: TextNode): readonly string[] {
  const parent = node.getParent();
  return $isElementNode(parent) ? $getState(parent, escapedLiteralsState) : [];
}

function $canHoldFootnote(node: TextNode): boolean {
  if (node.hasFormat('code')) return false;
  const parent = node.getParent();
  return parent !== null && !$isCodeNode(parent) && !$isLinkNode(parent);
}

/**
 * The index of the whole note, walking it: what the plugin keeps up to date from the nodes
 * it sees created and destroyed (a headless editor, without DOM, sees none).
 */
export function $collectFootnoteIndex(): FootnoteIndex {
  const refKeys: NodeKey[] = [];
  const blockKeys: NodeKey[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteRefNode(node)) refKeys.push(node.getKey());
    else if ($isRawBlockNode(node)) blockKeys.push(node.getKey());
    else if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return $buildIndex(refKeys, blockKeys);
}

/** Builds the index from the reference nodes and footnote blocks with these keys. */
function $buildIndex(refKeys: Iterable<NodeKey>, blockKeys: Iterable<NodeKey>): FootnoteIndex {
  const refs: FootnoteRefNode[] = [];
  for (const key of refKeys) {
    const node = $getNodeByKey(key);
    if ($isFootnoteRefNode(node) && node.isAttached()) refs.push(node);
  }
  const blocks: RawBlockNode[] = [];
  for (const key of blockKeys) {
    const node = $getNodeByKey(key);
    if ($isRawBlockNode(node) && node.getKind() === 'footnote' && node.isAttached()) blocks.push(node);
  }
  const byOrder = (a: FootnoteRefNode | RawBlockNode, b: FootnoteRefNode | RawBlockNode): number =>
    a === b ? 0 : a.isBefore(b) ? -1 : 1;
  if (refs.length > 1) refs.sort(byOrder);
  if (blocks.length > 1) blocks.sort(byOrder);
  const definitions = new Map<string, { key: NodeKey; text: string }>();
  for (const block of blocks) {
    const definition = parseFootnoteDefinition(block.getText());
    if (definition && !definitions.has(definition.label))
      definitions.set(definition.label, { key: block.getKey(), text: definition.text });
  }
  const numbers = new Map<string, number>();
  const inlineNumbers = new Map<NodeKey, number>();
  let next = 1;
  for (const ref of refs) {
    const label = ref.getLabel();
    if (label === null) inlineNumbers.set(ref.getKey(), next++);
    else if (definitions.has(label) && !numbers.has(label)) numbers.set(label, next++);
  }
  return { numbers, inlineNumbers, definitions };
}

/** Sets each marker's number (or marks it missing) on its DOM element. */
function paintMarkers(editor: LexicalEditor, refKeys: Iterable<NodeKey>, index: FootnoteIndex): void {
  editor.getEditorState().read(() => {
    for (const key of refKeys) {
      const element = editor.getElementByKey(key);
      const node = $getNodeByKey(key);
      if (!element || !$isFootnoteRefNode(node)) continue;
      const label = node.getLabel();
      const number = label === null ? index.inlineNumbers.get(key) : index.numbers.get(label);
      if (number === undefined) {
        delete element.dataset.footnoteNumber;
        element.classList.add('footnote-ref--missing');
        element.title = label === null ? '' : `No footnote [^${label}] in this note`;
      } else {
        element.dataset.footnoteNumber = String(number);
        element.classList.remove('footnote-ref--missing');
        element.removeAttribute('title');
      }
    }
  });
}

/** The footnote text a marker stands for, or null (a reference with no definition). */
export function footnoteTextOf(source: string, index: FootnoteIndex): string | null {
  const label = footnoteLabelOf(source);
  if (label === null) return inlineFootnoteText(source);
  return index.definitions.get(label)?.text ?? null;
}

/** Selects the definition of `label` (in an update) and scrolls to it once shown; false when there is none. */
export function $revealFootnoteDefinition(editor: LexicalEditor, label: string): boolean {
  const definition = getFootnoteIndex(editor).definitions.get(label);
  if (!definition || $getNodeByKey(definition.key) === null) return false;
  const selection = $createNodeSelection();
  selection.add(definition.key);
  $setSelection(selection);
  $onUpdate(() => editor.getElementByKey(definition.key)?.scrollIntoView({ block: 'center' }));
  return true;
}

/** The small card showing a footnote's text beside its marker (text only). */
function createCard(): { show: (marker: HTMLElement, text: string) => void; hide: () => void; remove: () => void } {
  const card = document.createElement('div');
  card.className = 'footnote-card';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  document.body.append(card);
  return {
    show(marker, text) {
      card.textContent = text;
      card.hidden = false;
      const rect = marker.getBoundingClientRect();
      const width = Math.min(360, window.innerWidth - 16);
      card.style.maxWidth = `${width}px`;
      card.style.left = `${Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))}px`;
      card.style.top = `${rect.bottom + 6}px`;
    },
    hide() {
      card.hidden = true;
    },
    remove() {
      card.remove();
    },
  };
}

/** Registers the footnote behaviour (see module doc) on `editor`; returns its cleanup. */
export function registerFootnotes(editor: LexicalEditor): () => void {
  const refKeys = new Set<NodeKey>();
  const blockKeys = new Set<NodeKey>();
  let scheduled = false;
  const refresh = (): void => {
    scheduled = false;
    const index = editor.getEditorState().read(() => $buildIndex(refKeys, blockKeys));
    setFootnoteIndex(editor, index);
    paintMarkers(editor, refKeys, index);
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };

  let card: ReturnType<typeof createCard> | null = null;
  let hovered: HTMLElement | null = null;
  let caretMarker: HTMLElement | null = null;
  const showCard = (marker: HTMLElement): void => {
    const text = footnoteTextOf(marker.textContent ?? '', getFootnoteIndex(editor));
    if (text === null) return;
    card ??= createCard();
    card.show(marker, text);
  };
  const updateCard = (): void => {
    const marker = hovered ?? caretMarker;
    if (marker?.isConnected) showCard(marker);
    else card?.hide();
  };

  const onMouseOver = (event: MouseEvent): void => {
    const marker = event.target instanceof Element ? event.target.closest<HTMLElement>('.footnote-ref') : null;
    if (marker === hovered) return;
    hovered = marker;
    updateCard();
  };
  const onMouseOut = (event: MouseEvent): void => {
    const to = event.relatedTarget instanceof Element ? event.relatedTarget.closest('.footnote-ref') : null;
    if (hovered && to !== hovered) {
      hovered = null;
      updateCard();
    }
  };
  // A plain click on a marker (not one being edited) goes to its definition: the click
  // selects the definition instead of leaving the caret in the marker.
  let pendingMarker: HTMLElement | null = null;
  const onMouseDown = (event: MouseEvent): void => {
    pendingMarker = null;
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const marker = event.target instanceof Element ? event.target.closest<HTMLElement>('.footnote-ref') : null;
    const label = marker?.dataset.footnote;
    if (!marker || !label || marker.classList.contains('footnote-ref--editing')) return;
    if (!getFootnoteIndex(editor).definitions.has(label)) return;
    // The mouse down goes on as usual, so the editor has the keyboard (Enter then edits the selected definition).
    pendingMarker = marker;
  };

  return mergeRegister(
    editor.registerNodeTransform(TextNode, (node) => {
      if (node.getType() !== 'text' || !node.isSimpleText() || !$canHoldFootnote(node)) return;
      const text = node.getTextContent();
      if (!text.includes('[^') && !text.includes('^[')) return;
      const found = findFootnote(text, $escapedOf(node));
      if (found === null) return;
      const [start, end] = found;
      const parts = node.splitText(start, end);
      const target = start === 0 ? parts[0]! : parts[1]!;
      target.replace($createFootnoteRefNode(target.getTextContent()).setFormat(target.getFormat()));
    }),
    // A marker whose text no longer reads as one footnote (edited) is text again.
    editor.registerNodeTransform(FootnoteRefNode, (node) => {
      const text = node.getTextContent();
      if (node.getParent() === null) return;
      if ($canHoldFootnote(node) && isFootnoteSource(text) && !$escapedOf(node).includes(text)) return;
      node.replace($createTextNode(text).setFormat(node.getFormat()));
    }),
    editor.registerMutationListener(
      FootnoteRefNode,
      (mutations) => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') refKeys.delete(key);
          else refKeys.add(key);
        }
        schedule();
      },
      { skipInitialization: false },
    ),
    editor.registerMutationListener(
      RawBlockNode,
      (mutations) => {
        let changed = false;
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') {
            changed = blockKeys.delete(key) || changed;
            continue;
          }
          const isFootnote = editor.getEditorState().read(() => {
            const node = $getNodeByKey(key);
            return $isRawBlockNode(node) && node.getKind() === 'footnote';
          });
          if (isFootnote) blockKeys.add(key);
          else blockKeys.delete(key);
          changed = changed || isFootnote;
        }
        if (changed) schedule();
      },
      { skipInitialization: false },
    ),
    // The caret in a marker shows its source (to edit it) and its footnote's text.
    editor.registerUpdateListener(({ editorState }) => {
      const key = editorState.read(() => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
        const node = selection.anchor.getNode();
        if (!$isFootnoteRefNode(node)) return null;
        const offset = selection.anchor.offset;
        // At its very edges the caret belongs to the text beside it.
        return offset > 0 && offset < node.getTextContentSize() ? node.getKey() : null;
      });
      const marker = key === null ? null : editor.getElementByKey(key);
      if (marker === caretMarker) return;
      caretMarker?.classList.remove('footnote-ref--editing');
      caretMarker = marker;
      caretMarker?.classList.add('footnote-ref--editing');
      updateCard();
    }),
    editor.registerCommand(
      CLICK_COMMAND,
      (event) => {
        const marker = pendingMarker;
        pendingMarker = null;
        const label = marker?.dataset.footnote;
        if (!marker || !label || !(event.target instanceof Node) || !marker.contains(event.target)) return false;
        card?.hide();
        hovered = null;
        if (!getFootnoteIndex(editor).definitions.has(label)) return false;
        // After the selection change the click caused (queued as a task), or it would put the caret back.
        setTimeout(() => editor.update(() => void $revealFootnoteDefinition(editor, label)), 0);
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('mouseover', onMouseOver);
      previous?.removeEventListener('mouseout', onMouseOut);
      previous?.removeEventListener('mousedown', onMouseDown);
      root?.addEventListener('mouseover', onMouseOver);
      root?.addEventListener('mouseout', onMouseOut);
      root?.addEventListener('mousedown', onMouseDown);
    }),
    // The card is placed once, beside its marker: a scroll would leave it behind, so it goes.
    (() => {
      const onScroll = (): void => {
        hovered = null;
        card?.hide();
      };
      window.addEventListener('scroll', onScroll, { capture: true, passive: true });
      return () => window.removeEventListener('scroll', onScroll, { capture: true });
    })(),
    () => {
      card?.remove();
      card = null;
    },
  );
}

export function FootnotePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => (editor.hasNodes([FootnoteRefNode]) ? registerFootnotes(editor) : undefined), [editor]);
  return null;
}
