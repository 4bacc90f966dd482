/**
 * A note's Markdown shown read-only inside an embed's frame: a Lexical editor that is not
 * editable, loading the Markdown with the note editor's own dialect and showing it with the
 * same nodes and plugins (callouts, formulas, tags, images, wiki links that open, block ids
 * hidden), so an embedded note reads as the note does. Nothing is ever parsed as HTML.
 */
import { type InitialConfigType, LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { type JSX, useContext, useMemo, useState } from 'react';
import { BlockIdPlugin } from '../blockIds/BlockIdPlugin';
import { CalloutPlugin } from '../callouts/CalloutPlugin';
import { $importMarkdown, EDITOR_NODES } from '../markdown';
import { MathPlugin } from '../math/MathPlugin';
import { ImageHostContext } from '../nodes/ImageNode';
import { CheckListSemanticsPlugin } from '../plugins/CheckListSemanticsPlugin';
import { CommentPlugin } from '../plugins/CommentPlugin';
import { WikiLinkClickPlugin } from '../plugins/WikiLinkClickPlugin';
import { WikiLinkResolutionPlugin } from '../plugins/WikiLinkResolutionPlugin';
import { hostSeenFrom, WikiLinkResolutions } from '../plugins/wikiLinkHost';
import { ImagePlugin } from '../media/ImagePlugin';
import { MediaHostContext } from '../media/mediaHost';
import { TagPlugin } from '../tags/TagPlugin';
import { FootnotePlugin } from '../footnotes/FootnotePlugin';
import { editorTheme } from '../theme/editorTheme';
import type { EmbeddedContentProps } from './embedScope';
import { EmbedScopePlugin } from './EmbedScopePlugin';
import { ItemEmbedPlugin } from './ItemEmbedPlugin';

export function EmbeddedNote({ markdown, path, scope, label }: EmbeddedContentProps): JSX.Element {
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'study-notebook-embed',
    nodes: EDITOR_NODES,
    theme: editorTheme,
    editable: false,
    editorState: () => $importMarkdown(markdown),
    onError: (error) => console.error('Embed error:', error),
  }));
  const [resolutions] = useState(() => new WikiLinkResolutions());
  const imageHost = useMemo(() => ({ notePath: path }), [path]);
  // Links and attachments in the embedded note are found from it, not from the note around it.
  const host = useMemo(() => hostSeenFrom(scope.host, path), [scope.host, path]);
  const outerMedia = useContext(MediaHostContext);
  const media = useMemo(() => outerMedia?.seenFrom?.(path) ?? outerMedia, [outerMedia, path]);
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <MediaHostContext.Provider value={media}>
        <ImageHostContext.Provider value={imageHost}>
          <RichTextPlugin
            contentEditable={<ContentEditable className="ed-embed__content" ariaLabel={label} />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <CheckListSemanticsPlugin />
          <CalloutPlugin />
          <CommentPlugin />
          <MathPlugin />
          <ImagePlugin />
          <TagPlugin />
          <FootnotePlugin />
          <BlockIdPlugin />
          <WikiLinkResolutionPlugin host={host} resolutions={resolutions} />
          <WikiLinkClickPlugin host={host} resolutions={resolutions} />
          <EmbedScopePlugin scope={scope} />
          <ItemEmbedPlugin />
        </ImageHostContext.Provider>
      </MediaHostContext.Provider>
    </LexicalComposer>
  );
}
