/**
 * A paragraph of embeds (`![[Note]]`, `![[Note#Heading]]`, `![[Note#^block-id]]`,
 * `![[Entry]]`, one or more lines of them): each shows the target's content, read-only,
 * in a frame whose title opens the source. It is a raw block (its text is the source
 * exactly as written, saved byte for byte, atomic for the editor: the caret moves past it),
 * only shown differently: selected (arrow keys, a click on its frame) it shows its source,
 * and Enter or the frame's edit button opens the source for editing.
 */
import type { EditorConfig, LexicalEditor, LexicalNode, NodeKey } from 'lexical';
import type { JSX } from 'react';
import { RawBlockNode, type SerializedRawBlockNode } from '../nodes/RawBlockNode';
import { EmbedBlockView } from './EmbedBlockView';
import './embed.css';

export class EmbedBlockNode extends RawBlockNode {
  static override getType(): string {
    return 'note-embed';
  }

  static override clone(node: EmbedBlockNode): EmbedBlockNode {
    return new EmbedBlockNode(node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedRawBlockNode): EmbedBlockNode {
    return $createEmbedBlockNode(typeof serialized.text === 'string' ? serialized.text : '').updateFromJSON(serialized);
  }

  constructor(text = '', key?: NodeKey) {
    super(text, 'embed', key);
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = 'ed-embeds';
    return element;
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): JSX.Element {
    return <EmbedBlockView nodeKey={this.getKey()} text={this.__text} />;
  }
}

/** A block of embeds holding `text` (its source, lines joined with `\n`) verbatim. */
export function $createEmbedBlockNode(text: string): EmbedBlockNode {
  return new EmbedBlockNode(text);
}

export function $isEmbedBlockNode(node: LexicalNode | null | undefined): node is EmbedBlockNode {
  return node instanceof EmbedBlockNode;
}
