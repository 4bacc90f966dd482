import { $isCodeNode } from '@lexical/code';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isTableNode } from '@lexical/table';
import { $onEscapeDown, $onEscapeUp, mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_LOW,
  type ElementNode,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';

/** Blocks a caret cannot otherwise leave when they start or end the note. */
function $isTrappingBlock(node?: LexicalNode | null): node is ElementNode {
  return $isCodeNode(node) || $isTableNode(node);
}

/**
 * A code block or table at the very start or end of a note would leave no place to type
 * before or after it: ArrowDown at its end (ArrowUp at its start) opens a paragraph there.
 */
export function BlockEscapePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          KEY_ARROW_DOWN_COMMAND,
          (event) => !event.altKey && $onEscapeDown($isTrappingBlock, event),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ARROW_UP_COMMAND,
          (event) => !event.altKey && $onEscapeUp($isTrappingBlock, event),
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );
  return null;
}
