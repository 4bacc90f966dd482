/**
 * An Obsidian comment written inline, `%%…%%`, in the editor: plain text in its own node so
 * it can show faintly (Obsidian hides comments in reading view; while editing they stay
 * visible, dimmed). The text is the comment exactly as written, so saving writes it back
 * byte for byte; the comment plugin makes these nodes from text and turns them back into
 * text when the `%%` pair is broken.
 */
import {
  $applyNodeReplacement,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedTextNode,
  TextNode,
} from 'lexical';

export class CommentNode extends TextNode {
  static override getType(): string {
    return 'md-comment';
  }

  static override clone(node: CommentNode): CommentNode {
    return new CommentNode(node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedTextNode): CommentNode {
    return $createCommentNode(serialized.text).updateFromJSON(serialized);
  }

  constructor(text = '', key?: NodeKey) {
    super(text, key);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    element.classList.add('md-comment');
    return element;
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }
}

/** A comment node holding `text` (a whole `%%…%%`). */
export function $createCommentNode(text: string): CommentNode {
  return $applyNodeReplacement(new CommentNode(text));
}

export function $isCommentNode(node: LexicalNode | null | undefined): node is CommentNode {
  return node instanceof CommentNode;
}
