import { $isCodeNode } from '@lexical/code';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HorizontalRuleNode, INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableNode,
  INSERT_TABLE_COMMAND,
  TableNode,
} from '@lexical/table';
import {
  $createParagraphNode,
  $findMatchingParent,
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  IS_APPLE,
  type LexicalEditor,
  REDO_COMMAND,
  type TextFormatType,
  UNDO_COMMAND,
} from 'lexical';
import { type KeyboardEvent, type ReactNode, useContext, useLayoutEffect, useRef } from 'react';
import { OPEN_LINK_EDITOR_COMMAND } from '../plugins/LinkEditorPlugin';
import { BLOCK_TYPE_LABELS, formatBlock, OTHER_BLOCK_LABELS, type SettableBlockType } from './blockFormat';
import {
  BoldIcon,
  ColumnRightIcon,
  DeleteColumnIcon,
  DeleteRowIcon,
  CalloutIcon,
  DeleteTableIcon,
  HorizontalRuleIcon,
  ImageIcon,
  InlineCodeIcon,
  ItalicIcon,
  LinkIcon,
  RedoIcon,
  RowBelowIcon,
  StrikethroughIcon,
  HighlightIcon,
  TableIcon,
  UndoIcon,
} from './icons';
import { ariaKeyShortcut, type Shortcut, shortcutLabel } from '../../ui/shortcuts';
import { SHORTCUTS } from './shortcuts';
import { useToolbarState } from './useToolbarState';
import { CalloutNode } from '../callouts/CalloutNode';
import { INSERT_CALLOUT_COMMAND } from '../callouts/CalloutPlugin';
import { INSERT_IMAGE_COMMAND } from '../media/ImageInsertPlugin';
import { MediaHostContext } from '../media/mediaHost';

/** Languages offered for code blocks (the Markdown info string, then the visible name). */
const CODE_LANGUAGES: Array<[string, string]> = [
  ['', 'Plain text'],
  ['bash', 'Shell'],
  ['c', 'C'],
  ['cpp', 'C++'],
  ['css', 'CSS'],
  ['html', 'HTML'],
  ['java', 'Java'],
  ['javascript', 'JavaScript'],
  ['json', 'JSON'],
  ['latex', 'LaTeX'],
  ['markdown', 'Markdown'],
  ['python', 'Python'],
  ['r', 'R'],
  ['rust', 'Rust'],
  ['sql', 'SQL'],
  ['typescript', 'TypeScript'],
  ['yaml', 'YAML'],
];

/** Display names for common short info strings (kept as typed in the note). */
const LANGUAGE_ALIASES: Record<string, string> = {
  js: 'JavaScript',
  jsx: 'JavaScript (JSX)',
  ts: 'TypeScript',
  tsx: 'TypeScript (TSX)',
  py: 'Python',
  sh: 'Shell',
  shell: 'Shell',
  zsh: 'Shell',
  yml: 'YAML',
  md: 'Markdown',
  tex: 'LaTeX',
  'c++': 'C++',
  cs: 'C#',
  rs: 'Rust',
  golang: 'Go',
};

/** The controls arrow keys move between (the toolbar is one tab stop). */
const ITEM_SELECTOR = 'button:not([disabled]), select:not([disabled])';

interface ButtonProps {
  label: string;
  shortcut?: Shortcut;
  /** Another key combination doing the same (announced, not shown). */
  alternativeShortcut?: Shortcut;
  /** Toggle buttons only: whether the format is active at the selection. */
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}

function ToolbarButton({
  label,
  shortcut,
  alternativeShortcut,
  pressed,
  disabled = false,
  onClick,
  children,
}: ButtonProps) {
  const tip = shortcut ? `${label} (${shortcutLabel(shortcut)})` : label;
  const keys = [shortcut, alternativeShortcut].filter((keys): keys is Shortcut => keys !== undefined);
  return (
    <button
      type="button"
      className="tb-button"
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={keys.length > 0 ? keys.map(ariaKeyShortcut).join(' ') : undefined}
      data-tooltip={tip}
      disabled={disabled}
      // Keep the focus (and the selection) in the text while clicking.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

function Separator() {
  return <span className="tb-separator" aria-hidden="true" />;
}

function $deleteTableAtSelection(): void {
  const selection = $getSelection();
  const anchor = $isRangeSelection(selection) ? selection.anchor.getNode() : selection?.getNodes()[0];
  const table = anchor ? $findMatchingParent(anchor, $isTableNode) : null;
  if (table === null) return;
  const paragraph = $createParagraphNode();
  table.replace(paragraph);
  paragraph.select();
}

function moveFocus(toolbar: HTMLElement, event: KeyboardEvent<HTMLElement>): void {
  const items = Array.from(toolbar.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
  const current = items.indexOf(event.target as HTMLElement);
  if (current === -1) return;
  const next = {
    ArrowRight: (current + 1) % items.length,
    ArrowLeft: (current - 1 + items.length) % items.length,
    Home: 0,
    End: items.length - 1,
  }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  items[next]?.focus();
}

/**
 * The formatting toolbar: undo/redo, the block type, inline formats and link (pressed when
 * active at the selection), horizontal rule and table; table and code-block controls
 * appear while the caret is in one. Tooltips and `aria-keyshortcuts` give each shortcut.
 * One tab stop; arrow keys, Home and End move between controls.
 */
export function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState(editor);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const lastFocused = useRef(0);

  // Roving tab index: only the last focused (or first) enabled control is tabbable.
  useLayoutEffect(() => {
    const toolbar = toolbarRef.current;
    if (toolbar === null) return;
    const items = Array.from(toolbar.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
    const active = Math.min(lastFocused.current, items.length - 1);
    items.forEach((item, index) => {
      item.tabIndex = index === active ? 0 : -1;
    });
  });

  const format = (textFormat: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, textFormat);
  const inCode = state.blockType === 'code';
  const canHaveTables = editor.hasNodes([TableNode]);
  const canHaveRules = editor.hasNodes([HorizontalRuleNode]);
  const canHaveCallouts = editor.hasNodes([CalloutNode]);
  const media = useContext(MediaHostContext);
  const displayOnly = state.blockType in OTHER_BLOCK_LABELS;

  return (
    <div
      ref={toolbarRef}
      className="editor-toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-orientation="horizontal"
      onKeyDown={(event) => toolbarRef.current && moveFocus(toolbarRef.current, event)}
      onFocus={(event) => {
        const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
        const index = items.indexOf(event.target as HTMLElement);
        if (index !== -1) lastFocused.current = index;
      }}
    >
      <ToolbarButton
        label="Undo"
        shortcut={SHORTCUTS.undo}
        disabled={!state.canUndo}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        <UndoIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Redo"
        shortcut={SHORTCUTS.redo}
        alternativeShortcut={IS_APPLE ? undefined : SHORTCUTS.redoAlternative}
        disabled={!state.canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        <RedoIcon />
      </ToolbarButton>
      <Separator />
      <select
        className="tb-select"
        aria-label="Block type"
        title="Block type"
        // Markdown table cells hold one line of inline text: no headings, lists or quotes.
        disabled={state.inTable}
        value={state.blockType}
        onChange={(event) => {
          formatBlock(editor, event.target.value as SettableBlockType, state.blockType);
          editor.focus();
        }}
      >
        {(Object.entries(BLOCK_TYPE_LABELS) as Array<[SettableBlockType, string]>).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
        {displayOnly && (
          <option value={state.blockType} disabled>
            {OTHER_BLOCK_LABELS[state.blockType as keyof typeof OTHER_BLOCK_LABELS]}
          </option>
        )}
      </select>
      <Separator />
      <ToolbarButton
        label="Bold"
        shortcut={SHORTCUTS.bold}
        pressed={state.bold}
        disabled={inCode}
        onClick={() => format('bold')}
      >
        <BoldIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Italic"
        shortcut={SHORTCUTS.italic}
        pressed={state.italic}
        disabled={inCode}
        onClick={() => format('italic')}
      >
        <ItalicIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Strikethrough"
        shortcut={SHORTCUTS.strikethrough}
        pressed={state.strikethrough}
        disabled={inCode}
        onClick={() => format('strikethrough')}
      >
        <StrikethroughIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Highlight"
        shortcut={SHORTCUTS.highlight}
        pressed={state.highlight}
        disabled={inCode}
        onClick={() => format('highlight')}
      >
        <HighlightIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Inline code"
        shortcut={SHORTCUTS.code}
        pressed={state.code}
        disabled={inCode}
        onClick={() => format('code')}
      >
        <InlineCodeIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Link"
        shortcut={SHORTCUTS.link}
        pressed={state.link}
        disabled={inCode}
        onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}
      >
        <LinkIcon />
      </ToolbarButton>
      {(canHaveRules || canHaveTables || canHaveCallouts) && <Separator />}
      {canHaveRules && (
        <ToolbarButton
          label="Insert horizontal rule"
          disabled={state.inTable}
          onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}
        >
          <HorizontalRuleIcon />
        </ToolbarButton>
      )}
      {canHaveTables && (
        <ToolbarButton
          label="Insert table"
          disabled={state.inTable}
          onClick={() =>
            editor.dispatchCommand(INSERT_TABLE_COMMAND, {
              rows: '3',
              columns: '3',
              includeHeaders: { rows: true, columns: false },
            })
          }
        >
          <TableIcon />
        </ToolbarButton>
      )}
      {canHaveCallouts && (
        <ToolbarButton
          label="Insert callout"
          disabled={state.inTable}
          onClick={() => editor.dispatchCommand(INSERT_CALLOUT_COMMAND, undefined)}
        >
          <CalloutIcon />
        </ToolbarButton>
      )}
      {media && (
        <ToolbarButton label="Insert image…" onClick={() => editor.dispatchCommand(INSERT_IMAGE_COMMAND, undefined)}>
          <ImageIcon />
        </ToolbarButton>
      )}
      {state.inTable && <TableControls editor={editor} />}
      {state.codeLanguage !== null && <CodeLanguageSelect editor={editor} language={state.codeLanguage} />}
    </div>
  );
}

function TableControls({ editor }: { editor: LexicalEditor }) {
  const run = (operation: () => void) => editor.update(operation);
  return (
    <span className="tb-context" role="group" aria-label="Table">
      <ToolbarButton label="Insert row below" onClick={() => run(() => $insertTableRowAtSelection(true))}>
        <RowBelowIcon />
      </ToolbarButton>
      <ToolbarButton label="Insert column right" onClick={() => run(() => $insertTableColumnAtSelection(true))}>
        <ColumnRightIcon />
      </ToolbarButton>
      <ToolbarButton label="Delete row" onClick={() => run(() => $deleteTableRowAtSelection())}>
        <DeleteRowIcon />
      </ToolbarButton>
      <ToolbarButton label="Delete column" onClick={() => run(() => $deleteTableColumnAtSelection())}>
        <DeleteColumnIcon />
      </ToolbarButton>
      <ToolbarButton label="Delete table" onClick={() => run($deleteTableAtSelection)}>
        <DeleteTableIcon />
      </ToolbarButton>
    </span>
  );
}

function CodeLanguageSelect({ editor, language }: { editor: LexicalEditor; language: string }) {
  const known = CODE_LANGUAGES.some(([value]) => value === language);
  return (
    <span className="tb-context" role="group" aria-label="Code block">
      <select
        className="tb-select"
        aria-label="Code language"
        title="Code language"
        value={language}
        onChange={(event) => {
          const value = event.target.value;
          editor.update(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            const code = $findMatchingParent(selection.anchor.getNode(), $isCodeNode);
            code?.setLanguage(value === '' ? null : value);
          });
          editor.focus();
        }}
      >
        {!known && <option value={language}>{LANGUAGE_ALIASES[language.toLowerCase()] ?? language}</option>}
        {CODE_LANGUAGES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </span>
  );
}
