/**
 * Editing behaviour of callouts: keeps every callout a title followed by its body, inserts
 * a new one (INSERT_CALLOUT_COMMAND, from the toolbar and the command palette), and makes
 * Enter on an empty last line of a body leave the callout, as in Obsidian.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  createCommand,
  INSERT_PARAGRAPH_COMMAND,
  type LexicalCommand,
} from 'lexical';
import { useEffect } from 'react';
import {
  $createCalloutNode,
  $createCalloutTitleNode,
  $isCalloutNode,
  $isCalloutTitleNode,
  CalloutNode,
  CalloutTitleNode,
} from './CalloutNode';

/** Inserts a callout of the given type (default `note`) at the caret, the caret in its body. */
export const INSERT_CALLOUT_COMMAND: LexicalCommand<string | undefined> = createCommand('INSERT_CALLOUT_COMMAND');

/** Inserts a callout with an empty body line at the selection. Needs an update context. */
export function $insertCallout(type = 'note'): void {
  const selection = $getSelection();
  const callout = $createCalloutNode(type);
  const body = $createParagraphNode();
  callout.append($createCalloutTitleNode(), body);
  if ($isRangeSelection(selection)) {
    const anchor = selection.anchor.getNode().getTopLevelElement();
    // An empty line becomes the callout; elsewhere it goes after the current block.
    if ($isParagraphNode(anchor) && anchor.getTextContent() === '' && selection.isCollapsed()) {
      anchor.replace(callout);
    } else {
      $insertNodeToNearestRoot(callout);
    }
  } else {
    $insertNodeToNearestRoot(callout);
  }
  body.select();
}

export function CalloutPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([CalloutNode, CalloutTitleNode])) return;
    return mergeRegister(
      editor.registerCommand(
        INSERT_CALLOUT_COMMAND,
        (type) => {
          editor.update(() => $insertCallout(type));
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      // A callout starts with its title, always (deleting across it must not leave a headless body).
      editor.registerNodeTransform(CalloutNode, (callout) => {
        if (!$isCalloutTitleNode(callout.getFirstChild())) {
          const first = callout.getFirstChild();
          const title = $createCalloutTitleNode();
          if (first) first.insertBefore(title);
          else callout.append(title);
        }
      }),
      // A title out of its callout (pasted, moved) is a paragraph.
      editor.registerNodeTransform(CalloutTitleNode, (title) => {
        const parent = title.getParent();
        if (!$isCalloutNode(parent) || parent.getFirstChild() !== title) {
          const paragraph = $createParagraphNode();
          paragraph.append(...title.getChildren());
          title.replace(paragraph);
        }
      }),
      editor.registerCommand(
        INSERT_PARAGRAPH_COMMAND,
        () => {
          const selection = $getSelection();
          if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
          const block = selection.anchor.getNode();
          const paragraph = $isParagraphNode(block) ? block : block.getParent();
          if (!$isParagraphNode(paragraph) || paragraph.getTextContent() !== '') return false;
          const callout = paragraph.getParent();
          if (!$isCalloutNode(callout) || paragraph.getNextSibling() !== null) return false;
          // Enter on an empty last line of a callout's body: leave the callout.
          callout.insertAfter(paragraph);
          paragraph.select();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return null;
}
