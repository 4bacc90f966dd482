/**
 * An Obsidian callout in the editor: a box holding a title line (CalloutTitleNode, rich
 * inline text) and a body of ordinary blocks (paragraphs, lists, nested callouts…), all
 * edited in place. The type (`[!tip]`) and fold marker are kept as written; folding is a
 * view state only (it never changes the note). Saved by the dialect like any block
 * (`convert/readModel.ts`, `@shared/markdown/serializeBlock`).
 */
import { type CalloutFold, calloutKind } from '@shared/markdown/callouts';
import {
  $applyNodeReplacement,
  $createParagraphNode,
  $isElementNode,
  type DOMExportOutput,
  type EditorConfig,
  ElementNode,
  type ElementDOMSlot,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { createCalloutIcon } from './calloutIcons';
import './callout.css';

export type SerializedCalloutNode = Spread<{ calloutType: string; fold: CalloutFold }, SerializedElementNode>;

export class CalloutNode extends ElementNode {
  /** @internal */
  __calloutType: string;
  /** @internal */
  __fold: CalloutFold;

  static override getType(): string {
    return 'callout';
  }

  static override clone(node: CalloutNode): CalloutNode {
    return new CalloutNode(node.__calloutType, node.__fold, node.__key);
  }

  static override importJSON(serialized: SerializedCalloutNode): CalloutNode {
    return $createCalloutNode(serialized.calloutType, serialized.fold).updateFromJSON(serialized);
  }

  constructor(calloutType = 'note', fold: CalloutFold = '', key?: NodeKey) {
    super(key);
    this.__calloutType = calloutType;
    this.__fold = fold;
  }

  override updateFromJSON(serialized: LexicalUpdateJSON<SerializedCalloutNode>): this {
    return super.updateFromJSON(serialized);
  }

  override exportJSON(): SerializedCalloutNode {
    return { ...super.exportJSON(), calloutType: this.getCalloutType(), fold: this.getFold() };
  }

  getCalloutType(): string {
    return this.getLatest().__calloutType;
  }

  getFold(): CalloutFold {
    return this.getLatest().__fold;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    element.className = 'callout';
    element.dataset.callout = calloutKind(this.__calloutType);
    // The type as written (an attribute: never markup).
    element.dataset.calloutType = this.__calloutType;
    if (this.__fold === '-') element.dataset.folded = '';
    return element;
  }

  override updateDOM(previous: CalloutNode): boolean {
    if (previous.__fold !== this.__fold) return true;
    return previous.__calloutType !== this.__calloutType;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('blockquote');
    return { element };
  }

  /** Block children (the body) are laid out like the root's: the callout is a shadow root. */
  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): boolean {
    return false;
  }

  override canIndent(): boolean {
    return false;
  }
}

export type SerializedCalloutTitleNode = SerializedElementNode;

/** The title line of a callout: inline content, shown after the type's icon. */
export class CalloutTitleNode extends ElementNode {
  static override getType(): string {
    return 'callout-title';
  }

  static override clone(node: CalloutTitleNode): CalloutTitleNode {
    return new CalloutTitleNode(node.__key);
  }

  static override importJSON(serialized: SerializedCalloutTitleNode): CalloutTitleNode {
    return $createCalloutTitleNode().updateFromJSON(serialized);
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const parent = this.getParent();
    const type = $isCalloutNode(parent) ? parent.getCalloutType() : 'note';
    const fold = $isCalloutNode(parent) ? parent.getFold() : '';
    const element = document.createElement('div');
    element.className = 'callout-title';
    const icon = document.createElement('span');
    icon.className = 'callout-icon';
    icon.contentEditable = 'false';
    icon.append(createCalloutIcon(calloutKind(type)));
    const text = document.createElement('div');
    text.className = 'callout-title-text';
    // Obsidian shows the type as the title when none is written.
    text.dataset.placeholder = type.trim().charAt(0).toUpperCase() + type.trim().slice(1).toLowerCase();
    element.append(icon, text);
    if (fold !== '') element.append(createFoldButton(fold === '-'));
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    const text = element.querySelector<HTMLElement>(':scope > .callout-title-text');
    return text ? super.getDOMSlot(element).withElement(text) : super.getDOMSlot(element);
  }

  override exportDOM(): DOMExportOutput {
    return { element: document.createElement('p') };
  }

  /** Enter in the title starts (or continues into) the body. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode {
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  override canBeEmpty(): boolean {
    return true;
  }

  override canIndent(): boolean {
    return false;
  }

  /** Backspace at the start of the title turns the callout back into plain blocks. */
  override collapseAtStart(): boolean {
    const callout = this.getParent();
    if (!$isCalloutNode(callout)) return false;
    $unwrapCallout(callout);
    return true;
  }
}

function createFoldButton(folded: boolean): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'callout-fold';
  button.contentEditable = 'false';
  button.tabIndex = -1;
  button.setAttribute('aria-label', 'Fold callout');
  button.setAttribute('aria-expanded', String(!folded));
  // Folding is a view state: the DOM's, never the note's.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', (event) => {
    event.preventDefault();
    const callout = button.closest<HTMLElement>('.callout');
    if (!callout) return;
    const nowFolded = callout.dataset.folded === undefined;
    if (nowFolded) callout.dataset.folded = '';
    else delete callout.dataset.folded;
    button.setAttribute('aria-expanded', String(!nowFolded));
  });
  return button;
}

export function $createCalloutNode(calloutType = 'note', fold: CalloutFold = ''): CalloutNode {
  return $applyNodeReplacement(new CalloutNode(calloutType, fold));
}

export function $isCalloutNode(node: LexicalNode | null | undefined): node is CalloutNode {
  return node instanceof CalloutNode;
}

export function $createCalloutTitleNode(): CalloutTitleNode {
  return $applyNodeReplacement(new CalloutTitleNode());
}

export function $isCalloutTitleNode(node: LexicalNode | null | undefined): node is CalloutTitleNode {
  return node instanceof CalloutTitleNode;
}

/**
 * Replaces a callout by its content: the title as a paragraph, then the body's blocks.
 * The caret goes to the start of that paragraph.
 */
export function $unwrapCallout(callout: CalloutNode): void {
  const [title, ...body] = callout.getChildren();
  const paragraph = $createParagraphNode();
  if ($isElementNode(title)) paragraph.append(...title.getChildren());
  callout.insertBefore(paragraph);
  let previous: LexicalNode = paragraph;
  for (const block of body) {
    previous.insertAfter(block);
    previous = block;
  }
  callout.remove();
  paragraph.selectStart();
}
