/**
 * Images into a note: pasted (a screenshot on the clipboard), dropped (files from the
 * desktop) or inserted (INSERT_IMAGE_COMMAND, from the toolbar and the command palette,
 * which asks for a file). Each image is saved into the vault by the media host (the
 * attachment folder, `Pasted image YYYYMMDDHHmmss.png`), then `![[name]]` goes in at the
 * caret (where the drop happened). A file that is not an image, or too large, is refused
 * with a message and nothing is saved.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
  PASTE_COMMAND,
} from 'lexical';
import { useContext, useEffect } from 'react';
import { $createImageNode } from '../nodes/ImageNode';
import { ACCEPTED_IMAGE_TYPES, imageFileProblem, type MediaHost, MediaHostContext } from './mediaHost';

/** Asks for image files and inserts them at the caret. */
export const INSERT_IMAGE_COMMAND: LexicalCommand<void> = createCommand('INSERT_IMAGE_COMMAND');

function filesOf(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}

/** Saves each file (refusing the ones that are not images) and inserts their embeds where `selection` was. */
export async function insertImageFiles(
  editor: LexicalEditor,
  host: MediaHost,
  files: File[],
  selection: BaseSelection | null,
): Promise<void> {
  let at = selection;
  for (const file of files) {
    const problem = imageFileProblem(file);
    if (problem) {
      host.notify(`${problem} Nothing was saved.`);
      continue;
    }
    let embed: string;
    try {
      embed = await host.saveImage(file);
    } catch (error) {
      host.notify(`The image could not be saved: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    editor.update(
      () => {
        if (at && at.getNodes().every((node) => node.isAttached())) $setSelection(at.clone());
        const name = embed.slice(3, -2);
        $insertNodes([$createImageNode({ source: embed, target: name, label: null })]);
        at = $getSelection()?.clone() ?? null;
      },
      { discrete: true },
    );
  }
}

function pickFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPTED_IMAGE_TYPES.join(',');
    input.multiple = true;
    input.hidden = true;
    input.addEventListener('change', () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.append(input);
    input.click();
  });
}

export function ImageInsertPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const host = useContext(MediaHostContext);
  useEffect(() => {
    if (!host) return;
    const current = () => editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const files = filesOf('clipboardData' in event ? event.clipboardData : null);
          if (files.length === 0 || !editor.isEditable()) return false;
          const images = files.filter((file) => file.type.startsWith('image/'));
          const data = (event as ClipboardEvent).clipboardData;
          // Text with a file (a file copied in a file manager): the text is pasted, unless it is only a name.
          if (images.length === 0 && data && data.getData('text/plain').trim() !== '') return false;
          event.preventDefault();
          void insertImageFiles(editor, host, images.length > 0 ? images : files, current());
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes('Files')) return false;
          // Without this the browser would open the file in place of the app.
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const files = filesOf(event.dataTransfer);
          if (files.length === 0) return false;
          event.preventDefault();
          if (!editor.isEditable()) return true;
          const range = document.caretRangeFromPoint?.(event.clientX, event.clientY);
          const dom = window.getSelection();
          if (range && dom)
            dom.setBaseAndExtent(range.startContainer, range.startOffset, range.startContainer, range.startOffset);
          let at: BaseSelection | null = null;
          editor.update(
            () => {
              const dropped = range ? $createRangeSelectionFromDom(dom, editor) : null;
              if (dropped) $setSelection(dropped);
              const selection = $getSelection();
              at = $isRangeSelection(selection) ? selection.clone() : null;
            },
            { discrete: true },
          );
          void insertImageFiles(editor, host, files, at);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        INSERT_IMAGE_COMMAND,
        () => {
          const at = current();
          void pickFiles().then((files) => insertImageFiles(editor, host, files, at));
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, host]);
  return null;
}
