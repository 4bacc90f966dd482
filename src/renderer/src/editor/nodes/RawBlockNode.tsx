/**
 * A block of Markdown the editor does not model (HTML, math, callouts, footnotes, tables,
 * complex lists…), kept verbatim.
 *
 * It is a DecoratorNode, not an ElementNode with text children, on purpose: its text
 * must stay byte for byte what the user wrote or typed. Inside an ElementNode, Lexical
 * and its plugins would act on it — Markdown shortcuts, format commands (Ctrl+B), tab
 * nodes, rich paste, text normalization — and nothing of that has a verbatim form. A
 * decorator is atomic for the editor (selected, moved, copied and deleted as one block)
 * and owns its editing surface: a plain textarea whose value is written back as is.
 *
 * The text is rendered as text (React escapes it) inside a <pre>; it is never parsed as
 * HTML.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useNodeSelection } from './useNodeSelection';
import {
  $getNodeByKey,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  DecoratorNode,
  type DOMExportOutput,
  type EditorConfig,
  KEY_ENTER_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { type JSX, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { FootnoteBlockView } from '../footnotes/FootnoteBlockView';
import { HtmlBlockView } from '../html/HtmlBlockView';
import { SourceEditor, type SourceViewProps } from './SourceEditor';
import { isEmptyFragment, sanitizeNoteHtml } from '../html/sanitizeNoteHtml';
import '../markdown/rawBlock.css';
import { MathView } from '../math/MathView';
import { texOf } from '../math/renderMath';
import { withThousands } from '../../ui/formatCount';

export type SerializedRawBlockNode = Spread<{ text: string; kind: string }, SerializedLexicalNode>;

/** Labels for the kinds of raw Markdown the importer recognises. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  html: 'HTML',
  math: 'Math',
  comment: 'Comment',
  footnote: 'Footnote',
  definition: 'Link definition',
  table: 'Table',
  callout: 'Callout',
  quote: 'Quote',
  list: 'List',
  embed: 'Embed',
  blockId: 'Block ID',
  yaml: 'YAML',
  long: 'Too long to format',
};

/**
 * Text longer than this is shown in pieces the browser lays out only when they are in view
 * (see rawBlock.css): one piece of text this long would hold the main thread on every layout.
 */
const PIECES_FROM = 20_000;
/** Length of a piece: whole lines, a line longer than this in several pieces. */
const PIECE_LENGTH = 8_000;
/** Longest text the raw block offers to edit in its textarea (a longer one lays out too slowly to type in). */
export const MAX_EDITABLE_RAW_TEXT = 200_000;

/** `text` cut into pieces of at most PIECE_LENGTH, at line ends where a line allows. */
export function splitIntoPieces(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + PIECE_LENGTH);
    if (end < text.length) {
      const newline = text.lastIndexOf('\n', end - 1);
      if (newline >= start) end = newline + 1;
    }
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

export class RawBlockNode extends DecoratorNode<JSX.Element> {
  /** @internal */
  __text: string;
  /** @internal */
  __kind: string;

  static override getType(): string {
    return 'markdown-raw';
  }

  static override clone(node: RawBlockNode): RawBlockNode {
    return new RawBlockNode(node.__text, node.__kind, node.__key);
  }

  static override importJSON(serialized: SerializedRawBlockNode): RawBlockNode {
    return $createRawBlockNode(
      typeof serialized.text === 'string' ? serialized.text : '',
      typeof serialized.kind === 'string' ? serialized.kind : 'markdown',
    ).updateFromJSON(serialized);
  }

  constructor(text = '', kind = 'markdown', key?: NodeKey) {
    super(key);
    this.__text = text;
    this.__kind = kind;
  }

  override exportJSON(): SerializedRawBlockNode {
    return { ...super.exportJSON(), text: this.getText(), kind: this.getKind() };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const element = document.createElement('div');
    const className = (config.theme as Record<string, unknown>).markdownRawBlock;
    element.className = typeof className === 'string' ? className : 'md-raw-block';
    // A formula block draws nothing outside its box: a long note may skip it when out of view (editor.css).
    if (this.__kind === 'math') element.classList.add('md-raw-block--math');
    return element;
  }

  override updateDOM(): false {
    return false;
  }

  /** Copy as HTML gives the Markdown as preformatted text (set as text, never as HTML). */
  override exportDOM(): DOMExportOutput {
    const element = document.createElement('pre');
    element.textContent = this.getText();
    return { element };
  }

  /** The verbatim Markdown, lines joined with `\n`. */
  getText(): string {
    return this.getLatest().__text;
  }

  /** What the Markdown holds ('html', 'math', 'table' …; 'markdown' when unknown). */
  getKind(): string {
    return this.getLatest().__kind;
  }

  setText(text: string): this {
    const writable = this.getWritable();
    writable.__text = text;
    return writable;
  }

  /** The raw Markdown: what search, plain-text copy and Markdown export see. */
  override getTextContent(): string {
    return this.getText();
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return true;
  }

  override decorate(_editor: LexicalEditor, _config: EditorConfig): JSX.Element {
    return <RawBlockView nodeKey={this.getKey()} text={this.__text} kind={this.__kind} />;
  }
}

/** Creates a raw block holding `text` verbatim. */
export function $createRawBlockNode(text: string, kind = 'markdown'): RawBlockNode {
  return new RawBlockNode(text, kind);
}

export function $isRawBlockNode(node: LexicalNode | null | undefined): node is RawBlockNode {
  return node instanceof RawBlockNode;
}

/** Stops an event at the textarea so the editor around it never acts on it. */
function isolate(event: Event): void {
  event.stopPropagation();
}

interface RawBlockViewProps {
  readonly nodeKey: NodeKey;
  readonly text: string;
  readonly kind: string;
}

/**
 * A `$$…$$` block: the typeset formula; selected (arrow keys) it shows its source too, and
 * a click (or Enter) opens the source for editing with a live preview.
 */
function MathBlockView({ text, selected, editing, textareaRef, onSelect, onBlur }: SourceViewProps): JSX.Element {
  const [draft, setDraft] = useState<string | null>(null);
  const { tex } = texOf(editing && draft !== null ? draft : text);
  return (
    <div
      className={`md-math${selected ? ' md-math--selected' : ''}${editing ? ' md-math--editing' : ''}`}
      data-raw-kind="math"
      data-math-source={text}
    >
      {editing ? (
        <SourceEditor
          textareaRef={textareaRef}
          className="md-math__editor"
          label="Edit formula source"
          text={text}
          onDraft={setDraft}
          onBlur={onBlur}
        />
      ) : null}
      <div className="md-math__view" onClick={editing ? undefined : onSelect}>
        <MathView tex={tex} display />
      </div>
      {selected && !editing ? <pre className="md-math__source">{text}</pre> : null}
    </div>
  );
}

function RawBlockView({ nodeKey, text, kind }: RawBlockViewProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useNodeSelection(nodeKey);
  // A click selects the block (Shift adds it to the selection).
  const selectBlock = (event: React.MouseEvent) => {
    if (!event.shiftKey) clearSelection();
    setSelected(true);
  };
  const [editing, setEditing] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  // Set once an edit session ends, so the blur that may follow cannot end it again.
  const finishedRef = useRef(false);
  const label = KIND_LABELS[kind];
  const editable = text.length <= MAX_EDITABLE_RAW_TEXT;
  // HTML is shown rendered (sanitized) unless nothing of it would show (a comment, a script).
  const htmlShown = useMemo(
    () => kind === 'html' && editable && !isEmptyFragment(sanitizeNoteHtml(text)),
    [kind, editable, text],
  );

  const startEditing = useCallback(() => {
    if (!editor.isEditable() || !editable) return;
    finishedRef.current = false;
    setEditing(true);
  }, [editor, editable]);

  const finish = useCallback(
    (commit: boolean) => {
      if (finishedRef.current) return;
      finishedRef.current = true;
      const textarea = textareaRef.current;
      setEditing(false);
      if (!commit || !textarea) return;
      const value = textarea.value.replace(/\r\n?/g, '\n');
      editor.update(() => {
        const node = $getNodeByKey(nodeKey);
        if (!$isRawBlockNode(node)) return;
        if (value.trim() === '') node.remove();
        else if (value !== node.getText()) node.setText(value);
      });
    },
    [editor, nodeKey],
  );

  // Enter on a selected raw block opens it for editing.
  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (!isSelected || editing) return false;
          event?.preventDefault();
          startEditing();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, isSelected, editing, startEditing],
  );

  // The textarea is native and uncontrolled: keyboard, clipboard and drop events stop at
  // it, so the surrounding editor never treats them as its own (Lexical's handlers would
  // otherwise delete the selected block on Backspace or paste into the document).
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!editing || !textarea) return;
    const resize = (): void => {
      textarea.style.height = 'auto';
      textarea.style.height = `${textarea.scrollHeight}px`;
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        finish(false);
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        finish(true);
      }
    };
    const isolated = ['keyup', 'keypress', 'paste', 'copy', 'cut', 'drop', 'dragover'] as const;
    textarea.addEventListener('keydown', onKeyDown);
    textarea.addEventListener('input', resize);
    for (const type of isolated) textarea.addEventListener(type, isolate);
    editor.update(() => $setSelection(null));
    textarea.focus();
    resize();
    return () => {
      textarea.removeEventListener('keydown', onKeyDown);
      textarea.removeEventListener('input', resize);
      for (const type of isolated) textarea.removeEventListener(type, isolate);
    };
  }, [editing, editor, finish]);

  // What every rendered view of a raw block is given (see SourceViewProps).
  const view: SourceViewProps = {
    text,
    selected: isSelected,
    editing,
    textareaRef,
    onSelect: selectBlock,
    onBlur: () => finish(true),
  };

  if (htmlShown) return <HtmlBlockView {...view} onEdit={startEditing} />;

  if (kind === 'math') {
    return (
      <MathBlockView
        {...view}
        onSelect={(event) => {
          selectBlock(event);
          startEditing();
        }}
      />
    );
  }

  if (kind === 'footnote') return <FootnoteBlockView {...view} onEdit={startEditing} />;

  if (kind === 'blockId') {
    // A lone `^id` line names the block above it (a list, table or quote, as Obsidian writes
    // it): hidden like any block id, shown faintly while selected (arrow keys reach it).
    return (
      <div
        className={`md-block-id${isSelected ? ' md-block-id--selected' : ''}`}
        data-raw-kind={kind}
        data-block-id={text.trim().slice(1)}
      >
        {editing ? (
          <SourceEditor
            textareaRef={textareaRef}
            className="md-block-id__editor"
            label="Edit block id"
            text={text}
            onBlur={() => finish(true)}
          />
        ) : isSelected ? (
          <span
            className="md-block-id__text"
            title="Block id of the block above. Press Enter to edit."
            onDoubleClick={startEditing}
          >
            {text}
          </span>
        ) : null}
      </div>
    );
  }

  return (
    <div
      className={`md-raw${isSelected ? ' md-raw--selected' : ''}${editing ? ' md-raw--editing' : ''}`}
      data-raw-kind={kind}
    >
      <div className="md-raw__label" aria-hidden="true">
        Markdown{label ? ` · ${label}` : ''}
      </div>
      {editing ? (
        <SourceEditor textareaRef={textareaRef} label="Edit Markdown source" text={text} onBlur={() => finish(true)} />
      ) : (
        <pre
          className="md-raw__text"
          title={
            editable
              ? 'Markdown the editor keeps as written. Double-click or press Enter to edit.'
              : `Markdown the editor keeps as written (${withThousands(text.length / 1000)} KB): too long to edit here, open the file in another editor to change it.`
          }
          onClick={selectBlock}
          onDoubleClick={startEditing}
        >
          {text.length > PIECES_FROM
            ? splitIntoPieces(text).map((piece, index) => (
                <span key={index} className="md-raw__piece">
                  {piece}
                </span>
              ))
            : text}
        </pre>
      )}
    </div>
  );
}
