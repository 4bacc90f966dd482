/**
 * The view of a block of embeds (EmbedBlockNode): one frame per embed, the source under
 * them while the block is selected, and a textarea for the source while it is edited
 * (Enter on the selected block, or a frame's edit button; Ctrl/⌘+Enter or leaving keeps
 * the edit, Escape cancels).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useNodeSelection } from '../nodes/useNodeSelection';
import { scanWikiLinks } from '@shared/links/parseWikiLinks';
import { $setSelection, COMMAND_PRIORITY_LOW, KEY_ENTER_COMMAND, type NodeKey } from 'lexical';
import { type JSX, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { EMBED_SOURCE_EDITED } from './embedCommands';
import { EmbedFrame } from './EmbedFrame';
import { useEmbedScope } from './useEmbedScope';

interface EmbedBlockViewProps {
  readonly nodeKey: NodeKey;
  readonly text: string;
}

/** Stops an event at the textarea so the editor around it never acts on it. */
function isolate(event: Event): void {
  event.stopPropagation();
}

export function EmbedBlockView({ nodeKey, text }: EmbedBlockViewProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const scope = useEmbedScope(editor);
  const [isSelected, setSelected, clearSelection] = useNodeSelection(nodeKey);
  const [editing, setEditing] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const finishedRef = useRef(false);
  const embeds = useMemo(() => scanWikiLinks(text).filter((link) => link.embed), [text]);

  const startEditing = useCallback(() => {
    if (!editor.isEditable()) return;
    finishedRef.current = false;
    setEditing(true);
  }, [editor]);

  const finish = useCallback(
    (commit: boolean) => {
      if (finishedRef.current) return;
      finishedRef.current = true;
      const value = textareaRef.current?.value.replace(/\r\n?/g, '\n') ?? text;
      setEditing(false);
      if (commit && value !== text) editor.dispatchCommand(EMBED_SOURCE_EDITED, { nodeKey, text: value });
    },
    [editor, nodeKey, text],
  );

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

  // As in a raw block: the native textarea keeps its keys, clipboard and drops to itself.
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

  const select = (event: React.MouseEvent) => {
    // A click on a link or button inside a frame is that control's, not a selection.
    if (event.target instanceof Element && event.target.closest('a, button, [data-wiki-target], .tag-pill')) return;
    if (!event.shiftKey) clearSelection();
    setSelected(true);
  };

  return (
    <div
      className={`ed-embed-block${isSelected ? ' ed-embed-block--selected' : ''}`}
      data-embed-source={text}
      onClick={editing ? undefined : select}
    >
      {editing ? (
        <textarea
          ref={textareaRef}
          className="ed-embed-block__editor"
          defaultValue={text}
          spellCheck={false}
          aria-label="Edit embed source"
          onBlur={() => finish(true)}
        />
      ) : (
        <>
          {embeds.map((link, index) => (
            <EmbedFrame
              key={`${index}:${link.source}`}
              link={link}
              scope={scope}
              onEditSource={editor.isEditable() ? startEditing : null}
            />
          ))}
          {isSelected && (
            <pre className="ed-embed-block__source" aria-label="Embed source">
              {text}
            </pre>
          )}
        </>
      )}
    </div>
  );
}
