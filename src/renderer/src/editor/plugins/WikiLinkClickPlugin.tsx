import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, IS_APPLE, KEY_ENTER_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { useCommands } from '../../ui/commands/useCommands';
import { $wikiLinkAtCaret, $wikiLinkFromDOM, wikiLinkElementAt } from './wikiLinkAtCaret';
import type { WikiLinkHost, WikiLinkResolutions } from './wikiLinkHost';

/** The keys that open the link at the caret (shown in the preview card and the palette). */
export const OPEN_LINK_SHORTCUT = ['Mod', 'Enter'] as const;

/** Opens a link through the host, resolving it first if that has not happened yet. */
export async function openWikiLink(
  host: WikiLinkHost,
  resolutions: WikiLinkResolutions,
  parts: { target: string; heading: string | null },
): Promise<void> {
  const resolved = parts.target.trim() === '' ? null : await resolutions.resolve(host, parts.target).catch(() => null);
  host.openLink({ target: parts.target, heading: parts.heading, resolved });
}

/** Opens the link at the caret; false if there is none. */
function openAtCaret(editor: LexicalEditor, host: WikiLinkHost, resolutions: WikiLinkResolutions): boolean {
  const parts = editor.read(() => $wikiLinkAtCaret()?.getParts() ?? null);
  if (parts === null) return false;
  void openWikiLink(host, resolutions, parts);
  return true;
}

/**
 * Opens wiki links: a click on a link (a link is one unit, so a click has no caret to
 * place inside it; dragging across it still selects), or Ctrl/⌘+Enter with the caret on
 * or beside it. A glossary entry opens beside the note, a note in the editor, a link to
 * nothing offers to create the note (the host decides how).
 */
export function WikiLinkClickPlugin({
  host,
  resolutions,
}: {
  host: WikiLinkHost;
  resolutions: WikiLinkResolutions;
}): null {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      editor.registerRootListener((root) => {
        if (root === null) return;
        const onClick = (event: MouseEvent) => {
          if (event.button !== 0 || event.shiftKey || event.altKey) return;
          const element = wikiLinkElementAt(event.target, root);
          if (element === null) return;
          // A drag that selected text across the link is a selection, not a click on it.
          const selection = root.ownerDocument.getSelection();
          if (selection !== null && !selection.isCollapsed) return;
          const parts = editor.read(() => $wikiLinkFromDOM(element)?.getParts() ?? null);
          if (parts === null) return;
          event.preventDefault();
          void openWikiLink(host, resolutions, parts);
        };
        root.addEventListener('click', onClick);
        return () => root.removeEventListener('click', onClick);
      }),
    [editor, host, resolutions],
  );

  useEffect(
    () =>
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (event === null || event.shiftKey || event.altKey) return false;
          if (!(IS_APPLE ? event.metaKey : event.ctrlKey)) return false;
          if (!openAtCaret(editor, host, resolutions)) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, host, resolutions],
  );

  useCommands([
    {
      id: 'editor.openLinkAtCaret',
      title: 'Open link at caret',
      group: 'Go',
      shortcut: OPEN_LINK_SHORTCUT,
      bindShortcut: false,
      keywords: ['follow', 'wiki link'],
      when: () => editor.read(() => $wikiLinkAtCaret() !== null),
      run: () => void openAtCaret(editor, host, resolutions),
    },
  ]);

  return null;
}
