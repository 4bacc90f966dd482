/**
 * Inline math `$…$` (or `$$…$$` inside a paragraph) shown typeset. The node holds the
 * source exactly as written, which is its text content: saving writes it back unchanged
 * (the dialect keeps inline math literal). Clicking it, or moving the caret into it with
 * the arrow keys, turns it back into its source text for editing (MathPlugin).
 *
 * Its view is plain DOM made in `createDOM` (no React: see mathElement), typeset once near
 * the viewport by MathPlugin.
 */
import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { showMath } from './mathElement';
import { texOf } from './renderMath';

export type SerializedMathInlineNode = Spread<{ source: string }, SerializedLexicalNode>;

export class MathInlineNode extends DecoratorNode<null> {
  /** @internal */
  __source: string;

  static override getType(): string {
    return 'math-inline';
  }

  static override clone(node: MathInlineNode): MathInlineNode {
    return new MathInlineNode(node.__source, node.__key);
  }

  static override importJSON(serialized: SerializedMathInlineNode): MathInlineNode {
    return $createMathInlineNode(typeof serialized.source === 'string' ? serialized.source : '').updateFromJSON(
      serialized as LexicalUpdateJSON<SerializedMathInlineNode>,
    );
  }

  constructor(source = '', key?: NodeKey) {
    super(key);
    this.__source = source;
  }

  override exportJSON(): SerializedMathInlineNode {
    return { ...super.exportJSON(), source: this.getSource() };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = 'math-inline-host';
    // The source as written, for copy as text and for tests that read the note's text.
    element.dataset.mathSource = this.__source;
    showMath(element, texOf(this.__source).tex, false);
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('span');
    element.textContent = this.getSource();
    return { element };
  }

  /** The source as written, delimiters included (`$x^2$`). */
  getSource(): string {
    return this.getLatest().__source;
  }

  override getTextContent(): string {
    return this.getSource();
  }

  override isInline(): true {
    return true;
  }

  override isKeyboardSelectable(): boolean {
    return false;
  }

  /** Nothing for React to render: the view is the DOM made by createDOM. */
  override decorate(_editor: LexicalEditor, _config: EditorConfig): null {
    return null;
  }
}

export function $createMathInlineNode(source: string): MathInlineNode {
  return $applyNodeReplacement(new MathInlineNode(source));
}

export function $isMathInlineNode(node: LexicalNode | null | undefined): node is MathInlineNode {
  return node instanceof MathInlineNode;
}
