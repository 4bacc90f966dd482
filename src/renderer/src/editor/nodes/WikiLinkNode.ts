/**
 * An Obsidian wiki link in the editor: `[[Target]]`, `[[Target|label]]`,
 * `[[Target#Heading]]`, `[[Target#Heading|label]]` (and `[[#Heading]]`, a heading of the
 * same note).
 *
 * It is a TextNode in token mode: it flows, wraps, takes bold or italic and is selected
 * like text, but the editor treats it as one unit (the caret never goes inside it, one
 * Backspace removes it, typing beside it starts a new text node). Its text is what the
 * reader sees — the label, else the target — and its parts are kept exactly as written,
 * so saving writes the link back byte for byte (`formatWikiLink`). A heading of a link
 * without a label shows after the target, small and muted (CSS, from `data-heading`).
 *
 * How the link resolves (glossary entry, note, nothing) is not part of the document: the
 * resolution plugin marks the DOM (`data-link-kind`), so resolving never edits the note.
 */
import { $isCodeNode } from '@lexical/code';
import { formatWikiLink, type WikiLinkParts } from '@shared/links/formatWikiLink';
import {
  $applyNodeReplacement,
  $createTextNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedTextNode,
  type Spread,
  TextNode,
} from 'lexical';
import './wikiLink.css';

/** The parts of a wiki link, each exactly as written. */
export interface WikiLinkNodeParts {
  target: string;
  heading: string | null;
  label: string | null;
  /** The label separator is written `\|` (inside a table cell). */
  escapedPipe: boolean;
  /**
   * A Markdown link to a vault path (`[label](Other%20Note.md)`) as written: what is saved
   * (target and heading are then decoded, label is the link text). Null for a wiki link.
   */
  markdown?: string | null;
}

export type SerializedWikiLinkNode = Spread<
  { target: string; heading: string | null; label: string | null; escapedPipe: boolean; markdown?: string | null },
  SerializedTextNode
>;

/** The text a link shows: its label, else its target, else its heading (never empty). */
export function wikiLinkText(parts: Pick<WikiLinkNodeParts, 'target' | 'heading' | 'label'>): string {
  const text = parts.label?.trim() || parts.target.trim() || parts.heading?.trim() || '';
  return text !== '' ? text : formatWikiLink(parts);
}

/** The heading shown after the target (a link without a label to a heading of another note), or null. */
export function wikiLinkShownHeading(parts: Pick<WikiLinkNodeParts, 'target' | 'heading' | 'label'>): string | null {
  if (parts.label?.trim() || !parts.target.trim()) return null;
  const heading = parts.heading?.trim() ?? '';
  return heading === '' ? null : heading;
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asNullableString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

export class WikiLinkNode extends TextNode {
  /** @internal */
  __target: string;
  /** @internal */
  __heading: string | null;
  /** @internal */
  __label: string | null;
  /** @internal */
  __escapedPipe: boolean;
  /** @internal */
  __markdown: string | null;

  static override getType(): string {
    return 'wiki-link';
  }

  static override clone(node: WikiLinkNode): WikiLinkNode {
    return new WikiLinkNode(node.getParts(), node.__text, node.__key);
  }

  static override importJSON(serialized: SerializedWikiLinkNode): WikiLinkNode {
    return $createWikiLinkNode({
      target: asString(serialized.target),
      heading: asNullableString(serialized.heading),
      label: asNullableString(serialized.label),
      escapedPipe: serialized.escapedPipe === true,
      markdown: asNullableString(serialized.markdown),
    }).updateFromJSON(serialized);
  }

  /**
   * Keeps the document honest about what is a link: a link made inline code, moved into a
   * code block, or whose text was changed in place (an input method, a split) becomes
   * plain text — its Markdown source, or the text it shows now.
   */
  static override transform(): ((node: LexicalNode) => void) | null {
    return (node) => {
      if (!$isWikiLinkNode(node) || !node.isAttached()) return;
      const inCode = $isCodeNode(node.getParent());
      if (inCode || node.hasFormat('code')) {
        const text = $createTextNode(node.getSource()).setFormat(inCode ? 0 : node.getFormat());
        node.replace(text);
        return;
      }
      if (node.getTextContent() !== wikiLinkText(node.getParts())) {
        node.replace($createTextNode(node.getTextContent()).setFormat(node.getFormat()));
      }
    };
  }

  constructor(
    parts: WikiLinkNodeParts = { target: '', heading: null, label: null, escapedPipe: false },
    text?: string,
    key?: NodeKey,
  ) {
    super(text ?? wikiLinkText(parts), key);
    this.__target = parts.target;
    this.__heading = parts.heading;
    this.__label = parts.label;
    this.__escapedPipe = parts.escapedPipe;
    this.__markdown = parts.markdown ?? null;
  }

  override exportJSON(): SerializedWikiLinkNode {
    return {
      ...super.exportJSON(),
      target: this.__target,
      heading: this.__heading,
      label: this.__label,
      escapedPipe: this.__escapedPipe,
      ...(this.__markdown !== null && { markdown: this.__markdown }),
    };
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedWikiLinkNode>): this {
    return super.updateFromJSON(serialized);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = super.createDOM(config);
    const className = (config.theme as Record<string, unknown>).wikiLink;
    element.classList.add(typeof className === 'string' ? className : 'wiki-link');
    this.applyAttributes(element);
    return element;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    if (super.updateDOM(prevNode, dom, config)) return true;
    this.applyAttributes(dom);
    return false;
  }

  /** Copy as HTML gives the link as it is written (`[[…]]`), set as text. */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('span');
    element.textContent = this.getSource();
    return { element };
  }

  private applyAttributes(element: HTMLElement): void {
    const parts = this.getParts();
    element.dataset.wikiTarget = parts.target;
    const heading = wikiLinkShownHeading(parts);
    if (heading === null) delete element.dataset.heading;
    else element.dataset.heading = heading;
    if (parts.markdown) element.dataset.markdownLink = 'true';
    else delete element.dataset.markdownLink;
    if (parts.target.trim() === '') element.dataset.sameNote = 'true';
    else delete element.dataset.sameNote;
    element.spellcheck = false;
  }

  /** The link's parts, exactly as written. */
  getParts(): WikiLinkNodeParts {
    const self = this.getLatest();
    return {
      target: self.__target,
      heading: self.__heading,
      label: self.__label,
      escapedPipe: self.__escapedPipe,
      ...(self.__markdown !== null && { markdown: self.__markdown }),
    };
  }

  /** The link as Markdown (`[[Target#Heading|label]]`, or the Markdown link as written). */
  getSource(): string {
    const parts = this.getParts();
    return parts.markdown ?? formatWikiLink(parts);
  }

  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): false {
    return false;
  }
}

/** A wiki link node (token mode) for `parts`. */
export function $createWikiLinkNode(parts: WikiLinkParts & { markdown?: string | null }): WikiLinkNode {
  const node = new WikiLinkNode({
    target: parts.target,
    heading: parts.heading ?? null,
    label: parts.label ?? null,
    escapedPipe: parts.escapedPipe ?? false,
    markdown: parts.markdown ?? null,
  });
  return $applyNodeReplacement(node).setMode('token');
}

export function $isWikiLinkNode(node: LexicalNode | null | undefined): node is WikiLinkNode {
  return node instanceof WikiLinkNode;
}
