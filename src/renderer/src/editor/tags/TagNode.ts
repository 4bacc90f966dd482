/**
 * An Obsidian tag `#tag` or `#nested/tag` in a note, shown as a pill. It is ordinary text
 * (its text is the tag as written, saved unchanged; the dialect keeps tags literal), marked
 * by TagPlugin wherever the text reads as a tag and unmarked when it no longer does.
 */
import {
  $applyNodeReplacement,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  TextNode,
} from 'lexical';
import './tag.css';

export class TagNode extends TextNode {
  static override getType(): string {
    return 'tag';
  }

  static override clone(node: TagNode): TagNode {
    return new TagNode(node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedTextNode): TagNode {
    return $createTagNode(serialized.text).updateFromJSON(serialized);
  }

  constructor(text = '', key?: NodeKey) {
    super(text, key);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('tag-pill');
    element.dataset.tag = this.__text.slice(1);
    return element;
  }

  override updateDOM(previous: this, element: HTMLElement, config: EditorConfig): boolean {
    const changed = super.updateDOM(previous, element, config);
    element.dataset.tag = this.__text.slice(1);
    return changed;
  }

  /** The tag without its `#`. */
  getTag(): string {
    return this.getTextContent().slice(1);
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override isTextEntity(): true {
    return true;
  }
}

export function $createTagNode(text: string): TagNode {
  return $applyNodeReplacement(new TagNode(text));
}

export function $isTagNode(node: LexicalNode | null | undefined): node is TagNode {
  return node instanceof TagNode;
}
