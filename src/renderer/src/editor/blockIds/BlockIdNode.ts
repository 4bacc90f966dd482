/**
 * A block id ` ^abc-123` ending a paragraph, list item or heading (Obsidian's anchor for
 * `[[Note#^abc-123]]` and `![[Note#^abc-123]]`). Ordinary text, saved unchanged (the
 * dialect keeps block ids literal), marked by BlockIdPlugin and hidden unless the caret is
 * in its block, where it shows faintly.
 */
import {
  $applyNodeReplacement,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  TextNode,
} from 'lexical';
import './blockId.css';

export class BlockIdNode extends TextNode {
  static override getType(): string {
    return 'block-id';
  }

  static override clone(node: BlockIdNode): BlockIdNode {
    return new BlockIdNode(node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedTextNode): BlockIdNode {
    return $createBlockIdNode(serialized.text).updateFromJSON(serialized);
  }

  constructor(text = '', key?: NodeKey) {
    super(text, key);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('ed-block-id');
    element.dataset.blockId = this.getId();
    return element;
  }

  override updateDOM(previous: this, element: HTMLElement, config: EditorConfig): boolean {
    const changed = super.updateDOM(previous, element, config);
    element.dataset.blockId = this.getId();
    return changed;
  }

  /** The id without its `^` (and without trailing spaces). */
  getId(): string {
    return this.getTextContent().trim().slice(1);
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

export function $createBlockIdNode(text: string): BlockIdNode {
  return $applyNodeReplacement(new BlockIdNode(text));
}

export function $isBlockIdNode(node: LexicalNode | null | undefined): node is BlockIdNode {
  return node instanceof BlockIdNode;
}
