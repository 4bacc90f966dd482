/**
 * Embeds written as a list item's whole text (`- ![[Note]]`, `- ![[Note#Part]]`), shown as
 * Obsidian shows them: the target's content in a frame inside the item. The node holds the
 * source exactly as written, which is its text content, so the item saves unchanged (the
 * dialect keeps such embeds literal text). ItemEmbedPlugin makes it from the item's text and
 * turns it back into text when the caret goes into it (arrow keys, a click on the frame
 * outside its title, or the frame's edit button).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { scanWikiLinks } from '@shared/links/parseWikiLinks';
import {
  $applyNodeReplacement,
  createCommand,
  DecoratorNode,
  type DOMExportOutput,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { type JSX, useMemo } from 'react';
import { EmbedFrame } from './EmbedFrame';
import { useEmbedScope } from './useEmbedScope';
import './embed.css';

/** Shows the source of the item embed `nodeKey` as text, the caret at its end. */
export const REVEAL_ITEM_EMBED: LexicalCommand<NodeKey> = createCommand('REVEAL_ITEM_EMBED');

export type SerializedItemEmbedNode = Spread<{ source: string }, SerializedLexicalNode>;

export class ItemEmbedNode extends DecoratorNode<JSX.Element> {
  /** @internal */
  __source: string;

  static override getType(): string {
    return 'item-embed';
  }

  static override clone(node: ItemEmbedNode): ItemEmbedNode {
    return new ItemEmbedNode(node.__source, node.__key);
  }

  static override importJSON(serialized: SerializedItemEmbedNode): ItemEmbedNode {
    return $createItemEmbedNode(typeof serialized.source === 'string' ? serialized.source : '').updateFromJSON(
      serialized as LexicalUpdateJSON<SerializedItemEmbedNode>,
    );
  }

  constructor(source = '', key?: NodeKey) {
    super(key);
    this.__source = source;
  }

  override exportJSON(): SerializedItemEmbedNode {
    return { ...super.exportJSON(), source: this.getSource() };
  }

  override createDOM(): HTMLElement {
    const element = document.createElement('span');
    element.className = 'ed-item-embed';
    element.dataset.embedSource = this.__source;
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

  /** The source as written (`![[Note#Part]]`). */
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

  override decorate(_editor: LexicalEditor): JSX.Element {
    return <ItemEmbedView nodeKey={this.getKey()} source={this.__source} />;
  }
}

function ItemEmbedView({ nodeKey, source }: { nodeKey: NodeKey; source: string }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const scope = useEmbedScope(editor);
  const embeds = useMemo(() => scanWikiLinks(source).filter((link) => link.embed), [source]);
  const reveal = () => editor.dispatchCommand(REVEAL_ITEM_EMBED, nodeKey);
  return (
    <span className="ed-item-embed__frames" data-embed-source={source}>
      {embeds.map((link, index) => (
        <EmbedFrame
          key={`${index}:${link.source}`}
          link={link}
          scope={scope}
          onEditSource={editor.isEditable() ? reveal : null}
        />
      ))}
    </span>
  );
}

export function $createItemEmbedNode(source: string): ItemEmbedNode {
  return $applyNodeReplacement(new ItemEmbedNode(source));
}

export function $isItemEmbedNode(node: LexicalNode | null | undefined): node is ItemEmbedNode {
  return node instanceof ItemEmbedNode;
}
