/**
 * Embeds in the note editor: gives the blocks of embeds their scope (the link host, the
 * note they are in, the note itself as the start of the cycle check) and takes a block's
 * edited source back into the document, read again (it may no longer be embeds only).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { parseDocument } from '@shared/markdown/parseDocument';
import { $getNodeByKey, COMMAND_PRIORITY_EDITOR } from 'lexical';
import { type JSX, useEffect, useMemo } from 'react';
import { $createBlockNode } from '../markdown/convert/createNodes';
import type { WikiLinkHost } from '../plugins/wikiLinkHost';
import { $isEmbedBlockNode } from './EmbedBlockNode';
import { EMBED_SOURCE_EDITED } from './embedCommands';
import { type EmbedScope, embedKey } from './embedScope';
import { EmbeddedNote } from './EmbeddedNote';
import { EmbedScopePlugin } from './EmbedScopePlugin';

export function EmbedPlugin({ host }: { host: WikiLinkHost }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const scope = useMemo<EmbedScope>(
    () => ({
      host,
      from: host.notePath,
      chain: host.notePath ? [embedKey({ kind: 'note', path: host.notePath }, null)] : [],
      Content: EmbeddedNote,
    }),
    [host],
  );

  useEffect(
    () =>
      editor.registerCommand(
        EMBED_SOURCE_EDITED,
        ({ nodeKey, text }) => {
          editor.update(() => {
            const node = $getNodeByKey(nodeKey);
            if (!$isEmbedBlockNode(node)) return;
            if (text.trim() === '') {
              node.remove();
              return;
            }
            const blocks = parseDocument(text, { isAllowedLinkUrl }).blocks.map((parsed) =>
              $createBlockNode(parsed.block),
            );
            const [first, ...rest] = blocks;
            if (!first) return;
            node.replace(first);
            let previous = first;
            for (const block of rest) {
              previous.insertAfter(block);
              previous = block;
            }
          });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  return <EmbedScopePlugin scope={scope} />;
}
