import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { ResolvedTarget } from '@shared/domain/links';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import { $isWikiLinkNode, WikiLinkNode } from '../nodes/WikiLinkNode';
import { type WikiLinkHost, type WikiLinkResolutions } from './wikiLinkHost';

/** How long new links wait to be resolved together (typing a few in a row costs one call). */
const BATCH_DELAY_MS = 40;

/** What a link resolves to, as the `data-link-kind` of its element. */
export type WikiLinkKind = 'entry' | 'note' | 'unresolved' | 'pending';

const KIND_DESCRIPTIONS: Record<WikiLinkKind, string> = {
  entry: 'Link to a glossary entry',
  note: 'Link to a note',
  unresolved: 'Link to a note that does not exist yet',
  pending: 'Link',
};

export function kindOf(target: string, resolved: ResolvedTarget | null | undefined): WikiLinkKind {
  if (target.trim() === '') return 'note';
  if (resolved === undefined) return 'pending';
  return resolved === null ? 'unresolved' : resolved.kind;
}

/**
 * Shows what each wiki link resolves to — a glossary entry, a note, or nothing yet — by
 * marking its element (`data-link-kind`, styled by the theme). Links are resolved from the
 * note's path, batched (one `resolveLinks` call for the links loaded or typed together),
 * and all again when the host says links may resolve differently (a note created, renamed
 * or deleted). The document is never touched, so resolving never marks the note edited.
 */
export function WikiLinkResolutionPlugin({
  host,
  resolutions,
}: {
  host: WikiLinkHost;
  resolutions: WikiLinkResolutions;
}): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    /** The target of every live link node. */
    const targets = new Map<NodeKey, string>();
    const waiting = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let disposed = false;

    const paint = (key: NodeKey) => {
      const element = editor.getElementByKey(key);
      const target = targets.get(key);
      if (!element || target === undefined) return;
      const kind = kindOf(target, resolutions.get(target));
      element.dataset.linkKind = kind;
      element.setAttribute('aria-description', KIND_DESCRIPTIONS[kind]);
    };
    const paintTarget = (target: string | null) => {
      for (const [key, value] of targets) if (target === null || value === target) paint(key);
    };

    const resolve = async (list: string[]) => {
      if (list.length === 0) return;
      try {
        const answers = await host.resolveLinks(list);
        if (disposed) return;
        list.forEach((target, index) => resolutions.set(target, answers[index] ?? null));
      } catch {
        if (disposed) return;
        // The backend is unreachable: show the links as plain links rather than as missing.
        return;
      }
      paintTarget(null);
    };

    const flush = () => {
      timer = undefined;
      const list = [...waiting];
      waiting.clear();
      void resolve(list);
    };

    const offMutations = editor.registerMutationListener(
      WikiLinkNode,
      (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') {
              targets.delete(key);
              continue;
            }
            const node = $getNodeByKey(key);
            if (!$isWikiLinkNode(node)) continue;
            const target = node.getParts().target;
            targets.set(key, target);
            if (target.trim() !== '' && resolutions.get(target) === undefined) waiting.add(target);
          }
        });
        for (const [key, mutation] of mutations) if (mutation !== 'destroyed') paint(key);
        if (waiting.size > 0 && timer === undefined) timer = setTimeout(flush, BATCH_DELAY_MS);
      },
      { skipInitialization: false },
    );

    const offChanges = host.onLinksChanged(() => {
      const all = [...new Set(targets.values())].filter((target) => target.trim() !== '');
      void resolve(all);
    });

    return () => {
      disposed = true;
      clearTimeout(timer);
      offMutations();
      offChanges();
    };
  }, [editor, host, resolutions]);

  return null;
}
