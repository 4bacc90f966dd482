import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { $isTableNode, $isTableSelection } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import {
  $findMatchingParent,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
  type RangeSelection,
  TEXT_TYPE_TO_FORMAT,
  type TextFormatType,
} from 'lexical';
import { useEffect, useState } from 'react';
import { $getBlockType, type BlockType } from './blockFormat';

/** What the toolbar shows: the formats at the selection and what can be done there. */
export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  strikethrough: boolean;
  highlight: boolean;
  code: boolean;
  link: boolean;
  blockType: BlockType;
  /** The language of the code block at the caret ('' for none), or null outside code. */
  codeLanguage: string | null;
  inTable: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  bold: false,
  italic: false,
  strikethrough: false,
  highlight: false,
  code: false,
  link: false,
  blockType: 'paragraph',
  codeLanguage: null,
  inTable: false,
  canUndo: false,
  canRedo: false,
};

type SelectionState = Omit<ToolbarState, 'canUndo' | 'canRedo'>;

/**
 * The formats shared by all selected text. A caret reports the format typing would get;
 * a range is read from its text nodes, since Lexical only refreshes `selection.format` on
 * DOM selection changes, not when the selection is set in an update.
 */
function $selectedFormat(selection: RangeSelection): number {
  if (selection.isCollapsed()) return selection.format;
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  let combined = -1;
  for (const node of selection.getNodes()) {
    if (!$isTextNode(node) || node.getTextContentSize() === 0) continue;
    // Text the range only touches at its edge is not selected.
    if (node.getKey() === start.key && start.offset === node.getTextContentSize()) continue;
    if (node.getKey() === end.key && end.offset === 0) continue;
    combined &= node.getFormat();
    if (combined === 0) break;
  }
  return combined === -1 ? 0 : combined;
}

const hasFormat = (format: number, type: TextFormatType) => (format & (TEXT_TYPE_TO_FORMAT[type] ?? 0)) !== 0;

/** Reads the selection only (O(depth of the caret) for a caret, never the document). */
function $readSelectionState(): SelectionState {
  const selection = $getSelection();
  if ($isTableSelection(selection)) {
    return {
      ...INITIAL,
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      strikethrough: selection.hasFormat('strikethrough'),
      highlight: selection.hasFormat('highlight'),
      code: selection.hasFormat('code'),
      inTable: true,
    };
  }
  if (!$isRangeSelection(selection)) return INITIAL;
  const anchor = selection.anchor.getNode();
  const focus = selection.focus.getNode();
  const anchorLink = $findMatchingParent(anchor, $isLinkNode);
  const blockType = $getBlockType(selection);
  const codeBlock = blockType === 'code' ? $findMatchingParent(anchor, $isCodeNode) : null;
  const format = $selectedFormat(selection);
  return {
    bold: hasFormat(format, 'bold'),
    italic: hasFormat(format, 'italic'),
    strikethrough: hasFormat(format, 'strikethrough'),
    highlight: hasFormat(format, 'highlight'),
    code: hasFormat(format, 'code'),
    link: anchorLink !== null && anchorLink.is($findMatchingParent(focus, $isLinkNode)),
    blockType,
    codeLanguage: codeBlock === null ? null : (codeBlock.getLanguage() ?? ''),
    inTable: $findMatchingParent(anchor, $isTableNode) !== null,
  };
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  return (Object.keys(a) as Array<keyof ToolbarState>).every((key) => a[key] === b[key]);
}

/**
 * The toolbar's view of the editor, kept current by an update listener that reads only the
 * selection, and by the history's can-undo/can-redo commands. Re-renders only when
 * something shown changes, so typing inside one paragraph does not re-render the toolbar.
 */
export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState<ToolbarState>(INITIAL);

  useEffect(() => {
    const merge = (patch: Partial<ToolbarState>) =>
      setState((previous) => {
        const next = { ...previous, ...patch };
        return sameState(previous, next) ? previous : next;
      });
    merge(editor.getEditorState().read($readSelectionState, { editor }));
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => merge(editorState.read($readSelectionState, { editor }))),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => {
          merge({ canUndo });
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => {
          merge({ canRedo });
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);

  return state;
}
