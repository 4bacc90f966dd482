/**
 * A footnote reference `[^label]` or an inline footnote `^[text]` in a note, shown as a small
 * numbered superscript marker (as Obsidian's reading view and live preview show them). It is
 * ordinary text — its text is the source as written, saved unchanged (the dialect keeps
 * footnote references literal) — marked by FootnotePlugin wherever the text reads as one and
 * unmarked when it no longer does. The number is set on its DOM by the plugin, which knows
 * the order of first references in the note.
 */
import {
  $applyNodeReplacement,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  TextNode,
} from 'lexical';
import { footnoteLabelOf } from './footnoteSyntax';
import './footnote.css';

export class FootnoteRefNode extends TextNode {
  static override getType(): string {
    return 'footnote-ref';
  }

  static override clone(node: FootnoteRefNode): FootnoteRefNode {
    return new FootnoteRefNode(node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedTextNode): FootnoteRefNode {
    return $createFootnoteRefNode(serialized.text).updateFromJSON(serialized);
  }

  constructor(text = '', key?: NodeKey) {
    super(text, key);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('footnote-ref');
    const label = footnoteLabelOf(this.__text);
    if (label === null) element.dataset.footnoteInline = 'true';
    else element.dataset.footnote = label;
    return element;
  }

  override updateDOM(previous: this, element: HTMLElement, config: EditorConfig): boolean {
    const changed = super.updateDOM(previous, element, config);
    const label = footnoteLabelOf(this.__text);
    if (label === null) {
      delete element.dataset.footnote;
      element.dataset.footnoteInline = 'true';
    } else {
      delete element.dataset.footnoteInline;
      element.dataset.footnote = label;
    }
    return changed;
  }

  /** The label of a `[^label]` reference, or null for an inline footnote. */
  getLabel(): string | null {
    return footnoteLabelOf(this.getTextContent());
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }

  override isTextEntity(): true {
    return true;
  }
}

export function $createFootnoteRefNode(text: string): FootnoteRefNode {
  return $applyNodeReplacement(new FootnoteRefNode(text));
}

export function $isFootnoteRefNode(node: LexicalNode | null | undefined): node is FootnoteRefNode {
  return node instanceof FootnoteRefNode;
}
