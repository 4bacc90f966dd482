/**
 * An image of the vault shown inline in a note: `![[x.png]]`, `![[x.png|200]]`,
 * `![[x.png|200x100]]`, `![alt](x.png)`. A decorator node that keeps the source exactly
 * as written, so saving writes it back byte for byte. The picture is loaded from the
 * host's `/vault-file/…` (same origin: the app's CSP allows nothing else), lazily and
 * decoded off the main thread; one that cannot be found shows as missing.
 */
import {
  $applyNodeReplacement,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { createContext, type JSX, useContext, useState } from 'react';
import './image.css';

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

/** Where the images of the note being edited are looked for: the note's path. */
export const ImageHostContext = createContext<{ notePath: string | null }>({ notePath: null });

/** `200` → width 200; `200x100` → both; anything else → none (as Obsidian reads `|…`). */
export function imageSize(label: string | null): { width?: number; height?: number } {
  const match = /^\s*(\d{1,5})(?:x(\d{1,5}))?\s*$/.exec(label ?? '');
  if (!match) return {};
  return { width: Number(match[1]), ...(match[2] ? { height: Number(match[2]) } : {}) };
}

/**
 * The vault paths an image target may name, in the order tried: beside the note, as a
 * path from the vault root, then in the default attachment folder (Obsidian resolves by
 * name across the vault; these are the places the app and Obsidian put images).
 */
export function imageCandidates(target: string, notePath: string | null): string[] {
  const clean = target.trim().replace(/^\.\//, '');
  const folder = notePath && notePath.includes('/') ? notePath.slice(0, notePath.lastIndexOf('/')) : '';
  const paths = [folder ? `${folder}/${clean}` : clean, clean, `attachments/${clean}`];
  return [...new Set(paths)].filter((path) => !path.split('/').some((part) => part === '..' || part.startsWith('.')));
}

function vaultFileUrl(path: string): string {
  return `/vault-file/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function VaultImage({ parts }: { parts: ImageParts }): JSX.Element {
  const { notePath } = useContext(ImageHostContext);
  const candidates = imageCandidates(parts.target, notePath);
  const [attempt, setAttempt] = useState(0);
  const isEmbed = parts.source.startsWith('![[');
  const alt = isEmbed ? parts.target.replace(/^.*\//, '') : (parts.label ?? '');
  const size = isEmbed ? imageSize(parts.label) : {};
  if (attempt >= candidates.length) {
    // What the image would have said (alt text, or an embed's `|caption`), as text.
    const caption = isEmbed ? (size.width !== undefined ? '' : (parts.label ?? '')) : alt;
    return (
      <span className="ed-image-missing" role="img" aria-label={`Missing image: ${parts.target}`}>
        {parts.target}
        {caption !== '' && <span className="ed-image-alt"> ({caption})</span>}
      </span>
    );
  }
  return (
    <img
      className="ed-image"
      src={vaultFileUrl(candidates[attempt]!)}
      alt={alt}
      loading="lazy"
      decoding="async"
      draggable={false}
      width={size.width}
      height={size.height}
      onError={() => setAttempt((value) => value + 1)}
    />
  );
}

export class ImageNode extends DecoratorNode<JSX.Element> {
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

  override updateDOM(): false {
    return false;
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

  override decorate(): JSX.Element {
    return <VaultImage parts={this.__parts} />;
  }
}

export function $createImageNode(parts: ImageParts): ImageNode {
  return $applyNodeReplacement(new ImageNode(parts));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
