/**
 * An image of the vault shown inline in a note: `![[x.png]]`, `![[x.png|200]]`,
 * `![[x.png|200x100]]`, `![alt](x.png)`. A decorator node that keeps the source exactly
 * as written, so saving writes it back byte for byte. The picture is loaded from the
 * host's `/vault-file/…` (same origin: the app's CSP allows nothing else), lazily and
 * decoded off the main thread; one that cannot be found shows as missing.
 *
 * An image of the vault is plain DOM, filled by ImagePlugin (see media/imageElement: no
 * React portal per image); a web image and any other attachment keep their React view.
 */
import {
  $applyNodeReplacement,
  $getNodeByKey,
  DecoratorNode,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { attachmentKindOf } from '@shared/domain/attachments';
import type { JSX } from 'react';
import { AttachmentView } from '../media/AttachmentView';
import { readImageLabel, withImageWidth } from '../media/imageSource';
import './image.css';

export { ImageHostContext, imageCandidates } from '../media/vaultFiles';

/** The parts of an image embed, as written. */
export interface ImageParts {
  /** The source (`![[x.png|200]]`), which is what is saved. */
  source: string;
  /** The image path as written (decoded for a Markdown image). */
  target: string;
  /** After `|` for an embed (a size), the alt text for a Markdown image. */
  label: string | null;
}

export type SerializedImageNode = Spread<ImageParts, SerializedLexicalNode>;

/** `200` → width 200; `200x100` → both; anything else → none (as Obsidian reads `|…`). */
export function imageSize(label: string | null): { width?: number; height?: number } {
  const { width, height } = readImageLabel(label);
  return { ...(width !== undefined ? { width } : {}), ...(height !== undefined ? { height } : {}) };
}

/** Whether `target` names an image of the vault (shown as plain DOM), not a web image or another file. */
export function isVaultImage(target: string): boolean {
  return !/^https?:\/\//i.test(target) && attachmentKindOf(target) === 'image';
}

export class ImageNode extends DecoratorNode<JSX.Element | null> {
  /** @internal */
  __parts: ImageParts;

  static override getType(): string {
    return 'vault-image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__parts, node.__key);
  }

  static override importJSON(
    serialized: SerializedLexicalNode & Partial<Record<keyof ImageParts, unknown>>,
  ): ImageNode {
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    return $createImageNode({
      source: text(serialized.source),
      target: text(serialized.target),
      label: typeof serialized.label === 'string' ? serialized.label : null,
    });
  }

  constructor(parts: ImageParts = { source: '', target: '', label: null }, key?: NodeKey) {
    super(key);
    this.__parts = { ...parts };
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), ...this.__parts };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const span = document.createElement('span');
    span.className = 'ed-image-frame';
    return span;
  }

  /** A new source (a resize) makes a new element, which ImagePlugin fills again. */
  override updateDOM(previous: ImageNode): boolean {
    return previous.__parts.source !== this.__parts.source || previous.__parts.target !== this.__parts.target;
  }

  override isInline(): true {
    return true;
  }

  override getTextContent(): string {
    return this.getLatest().__parts.source;
  }

  getParts(): ImageParts {
    return { ...this.getLatest().__parts };
  }

  /** Writes `width` into the source as Obsidian does (`![[x.png|240]]`, `![alt|240](x.png)`). */
  setWidth(width: number): void {
    const writable = this.getWritable();
    const source = withImageWidth(writable.__parts.source, width);
    if (source === writable.__parts.source) return;
    const isEmbed = source.startsWith('![[');
    const label = isEmbed ? source.slice(3, -2).replace(/^[^|]*?\\?\|/, '') : source.slice(2, source.lastIndexOf(']('));
    writable.__parts = { ...writable.__parts, source, label };
  }

  /** Nothing for React to render for an image of the vault: ImagePlugin fills the DOM of createDOM. */
  override decorate(editor: LexicalEditor): JSX.Element | null {
    const key = this.__key;
    const { source, target, label } = this.__parts;
    if (isVaultImage(target)) return null;
    return (
      <AttachmentView
        nodeKey={key}
        source={source}
        target={target}
        label={label}
        onResize={(width) =>
          editor.update(() => {
            const node = $getNodeByKey(key);
            if ($isImageNode(node)) node.setWidth(width);
          })
        }
      />
    );
  }
}

export function $createImageNode(parts: ImageParts): ImageNode {
  return $applyNodeReplacement(new ImageNode(parts));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
