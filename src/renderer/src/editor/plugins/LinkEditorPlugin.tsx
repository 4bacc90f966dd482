import {
  $createLinkNode,
  $isAutoLinkNode,
  $isLinkNode,
  $toggleLink,
  type LinkNode,
  TOGGLE_LINK_COMMAND,
} from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $findMatchingParent,
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  type RangeSelection,
} from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import { LinkEditor } from '../toolbar/LinkEditor';
import { matchesShortcut } from '../../ui/shortcuts';
import { SHORTCUTS } from '../toolbar/shortcuts';

/** Opens the link editor for the current selection (the Link button, Mod+K). */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');

/** Approximate popover width, to keep it inside the editor. */
const POPOVER_WIDTH = 380;

interface OpenState {
  selection: RangeSelection;
  url: string;
  canRemove: boolean;
  position: { top: number; left: number };
}

/** The link at the selection: the one holding both ends, if any. */
export function $findLinkAtSelection(selection: RangeSelection): LinkNode | null {
  const anchorLink = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
  const focusLink = $findMatchingParent(selection.focus.getNode(), $isLinkNode);
  return anchorLink !== null && anchorLink.is(focusLink) ? anchorLink : null;
}

/** Where to show the popover: under the selection, inside `container`. */
function popoverPosition(container: HTMLElement | null): { top: number; left: number } {
  const fallback = { top: 56, left: 16 };
  if (container === null) return fallback;
  const box = container.getBoundingClientRect();
  const domSelection = window.getSelection();
  const range = domSelection && domSelection.rangeCount > 0 ? domSelection.getRangeAt(0) : null;
  // (jsdom's ranges have no geometry.)
  const rect = typeof range?.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
  if (rect === null || (rect.width === 0 && rect.height === 0 && rect.top === 0)) return fallback;
  const maxLeft = Math.max(8, box.width - POPOVER_WIDTH - 8);
  return {
    top: rect.bottom - box.top + 8,
    left: Math.min(Math.max(8, rect.left - box.left), maxLeft),
  };
}

/** Puts back `saved` if every node it points at still exists. */
function $restoreSelection(saved: RangeSelection): RangeSelection | null {
  if ($getNodeByKey(saved.anchor.key) === null || $getNodeByKey(saved.focus.key) === null) return null;
  const selection = saved.clone();
  $setSelection(selection);
  return selection;
}

function $applyLink(editor: LexicalEditor, saved: RangeSelection, url: string): void {
  const selection = $restoreSelection(saved);
  if (selection === null) return;
  const link = $findLinkAtSelection(selection);
  if (link !== null && (selection.isCollapsed() || $isAutoLinkNode(link))) {
    if ($isAutoLinkNode(link)) {
      // An edited autolink is no longer derived from its text: make it a plain link.
      const replacement = $createLinkNode(url);
      replacement.append(...link.getChildren());
      link.replace(replacement);
    } else {
      link.setURL(url);
    }
    return;
  }
  if (selection.isCollapsed()) {
    // Nothing selected: the URL itself becomes the link text.
    selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
    return;
  }
  editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
}

function $removeLink(saved: RangeSelection): void {
  const selection = $restoreSelection(saved);
  if (selection === null) return;
  const link = $findLinkAtSelection(selection);
  if (link === null) {
    $toggleLink(null);
    return;
  }
  for (const child of link.getChildren()) link.insertBefore(child);
  link.remove();
}

/**
 * The link editor: Mod+K or {@link OPEN_LINK_EDITOR_COMMAND} opens a popover under the
 * selection to add a link to the selected text (or insert the URL as a new link), change
 * the URL of the link at the caret, or remove it. Only http, https and mailto URLs are
 * accepted (the popover says why others are not).
 */
export function LinkEditorPlugin({ container }: { container: HTMLElement | null }) {
  const [editor] = useLexicalComposerContext();
  const [open, setOpen] = useState<OpenState | null>(null);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          OPEN_LINK_EDITOR_COMMAND,
          () => {
            if (!editor.isEditable()) return false;
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return false;
            const link = $findLinkAtSelection(selection);
            setOpen({
              selection: selection.clone(),
              url: link?.getURL() ?? '',
              canRemove: link !== null && !$isAutoLinkNode(link),
              position: popoverPosition(container),
            });
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!matchesShortcut(event, SHORTCUTS.link)) return false;
            event.preventDefault();
            editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, container],
  );

  const close = useCallback(
    (restoreFocus: boolean) => {
      setOpen(null);
      if (restoreFocus) editor.focus();
    },
    [editor],
  );

  if (open === null) return null;
  return (
    <LinkEditor
      initialUrl={open.url}
      canRemove={open.canRemove}
      position={open.position}
      onApply={(url) => {
        editor.update(() => $applyLink(editor, open.selection, url));
        close(true);
      }}
      onRemove={() => {
        editor.update(() => $removeLink(open.selection));
        close(true);
      }}
      onCancel={close}
    />
  );
}
