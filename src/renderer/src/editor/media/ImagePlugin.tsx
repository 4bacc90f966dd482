/**
 * Shows the images of the vault a note embeds as plain DOM (see imageElement), one editor
 * at a time rather than one React portal per image: fills each ImageNode's element as it is
 * made, marks the selected ones (`data-selected`, the outline), selects one on a click, and
 * mounts the resize handle (ImageResizer) into the selected images only. Enter or Tab with
 * an image selected focuses its handle.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getSelection,
  $isNodeSelection,
  $setSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { type JSX, useContext, useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { $isImageNode, ImageNode, isVaultImage } from '../nodes/ImageNode';
import { selectionStoreOf } from '../nodes/useNodeSelection';
import { imageWords, showVaultImage, type VaultImageParts } from './imageElement';
import { ImageResizer } from './ImageResizer';
import { type MediaHost, MediaHostContext } from './mediaHost';
import { ImageHostContext } from './vaultFiles';

/** A selected image shown with its frame: where its handle goes. */
interface Selected {
  key: NodeKey;
  frame: HTMLElement;
  parts: VaultImageParts;
}

/**
 * Fills the images of `editor` and keeps their selection marks; `onSelected` is told the
 * selected images with a frame whenever that list may have changed. Returns its cleanup.
 */
export function registerVaultImages(
  editor: LexicalEditor,
  media: MediaHost | null,
  notePath: string | null,
  onSelected: (selected: Selected[]) => void,
): () => void {
  const store = selectionStoreOf(editor);
  // Lookups still waiting, by node key: stopped when the node goes or is shown again.
  const waiting = new Map<NodeKey, () => void>();
  // The frame of each image shown, and its parts, by node key.
  const shown = new Map<NodeKey, { frame: HTMLElement; parts: VaultImageParts }>();
  const selectedKeys = new Set<NodeKey>();

  const tell = () =>
    onSelected(
      [...selectedKeys].flatMap((key) => {
        const entry = shown.get(key);
        return entry && entry.frame.isConnected ? [{ key, ...entry }] : [];
      }),
    );
  const mark = (key: NodeKey) => {
    const entry = shown.get(key);
    if (!entry) return;
    if (selectedKeys.has(key)) entry.frame.dataset.selected = 'true';
    else delete entry.frame.dataset.selected;
  };

  return mergeRegister(
    editor.registerMutationListener(
      ImageNode,
      (mutations) => {
        const state = editor.getEditorState();
        let changed = false;
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') {
            waiting.get(key)?.();
            waiting.delete(key);
            changed ||= shown.delete(key);
            continue;
          }
          const element = editor.getElementByKey(key);
          const parts = state.read(() => {
            const node = $getNodeByKey(key);
            return $isImageNode(node) ? node.getParts() : null;
          });
          if (element === null || parts === null || !isVaultImage(parts.target)) continue;
          // Already shown in this element (an update that did not make a new one).
          if (element.dataset.source === parts.source && element.childNodes.length > 0) continue;
          waiting.get(key)?.();
          element.dataset.source = parts.source;
          changed ||= shown.delete(key);
          waiting.set(
            key,
            showVaultImage(element, parts, media, notePath, (frame) => {
              shown.set(key, { frame, parts });
              if (!selectedKeys.has(key) && store.isSelected(key)) selectedKeys.add(key);
              mark(key);
              if (selectedKeys.has(key)) tell();
            }),
          );
        }
        if (changed) tell();
      },
      { skipInitialization: false },
    ),
    store.subscribeChanges((keys) => {
      let images = false;
      for (const key of keys) {
        if (store.isSelected(key)) selectedKeys.add(key);
        else selectedKeys.delete(key);
        if (shown.has(key)) {
          images = true;
          mark(key);
        }
      }
      if (images) tell();
    }),
    // A click on an image selects it (Shift: adds it to the selection).
    editor.registerCommand(
      CLICK_COMMAND,
      (event) => {
        const target = event.target;
        if (!(target instanceof HTMLImageElement) || !target.classList.contains('ed-image')) return false;
        const frame = target.closest('.ed-image-frame');
        if (!frame || !editor.getRootElement()?.contains(frame)) return false;
        const node = $getNearestNodeFromDOMNode(frame);
        if (!$isImageNode(node)) return false;
        const current = $getSelection();
        if ($isNodeSelection(current) && !event.shiftKey) current.clear();
        const selection = $isNodeSelection(current) ? current : $createNodeSelection();
        if (selection !== current) $setSelection(selection);
        selection.add(node.getKey());
        return true;
      },
      COMMAND_PRIORITY_LOW,
    ),
    () => {
      for (const stop of waiting.values()) stop();
      waiting.clear();
      shown.clear();
    },
  );
}

export function ImagePlugin(): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const editable = useLexicalEditable();
  const media = useContext(MediaHostContext);
  const { notePath } = useContext(ImageHostContext);
  const [selected, setSelected] = useState<Selected[]>([]);

  useEffect(() => registerVaultImages(editor, media, notePath, setSelected), [editor, media, notePath]);

  // Enter or Tab with an image selected: to its handle.
  useEffect(() => {
    if (!editable || selected.length === 0) return;
    const toHandle = (event: KeyboardEvent | null, withShift: boolean) => {
      const handle = selected[0]!.frame.querySelector<HTMLElement>('.ed-image-handle');
      if (!handle || !editor.isEditable() || (!withShift && event?.shiftKey)) return false;
      event?.preventDefault();
      handle.focus();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_ENTER_COMMAND, (event) => toHandle(event, true), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_TAB_COMMAND, (event) => toHandle(event, false), COMMAND_PRIORITY_LOW),
    );
  }, [editor, editable, selected]);

  if (!editable) return null;
  return (
    <>
      {selected.map(({ key, frame, parts }) => {
        const words = imageWords(parts);
        return createPortal(
          <ImageResizer
            frame={frame}
            width={words.width}
            label={words.alt || parts.target}
            onResize={(width) =>
              editor.update(() => {
                const node = $getNodeByKey(key);
                if ($isImageNode(node)) node.setWidth(width);
              })
            }
            onDone={() => {
              editor.focus();
              editor.update(() => {
                const selection = $createNodeSelection();
                selection.add(key);
                $setSelection(selection);
              });
            }}
          />,
          frame,
          key,
        );
      })}
    </>
  );
}
