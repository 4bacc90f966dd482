import { $isCodeNode } from '@lexical/code';
import { CalloutPlugin } from './callouts/CalloutPlugin';
import { MathPlugin } from './math/MathPlugin';
import { TagPlugin } from './tags/TagPlugin';
import { FootnotePlugin } from './footnotes/FootnotePlugin';
import { BlockIdPlugin } from './blockIds/BlockIdPlugin';
import { EmbedPlugin } from './embeds/EmbedPlugin';
import { ItemEmbedPlugin } from './embeds/ItemEmbedPlugin';
import { TagSuggestPlugin } from './tags/TagSuggestPlugin';
import type { TagSuggestion } from '@shared/domain/tags';
import { AutoLinkNode, autoLinkEmailMatcher, autoLinkUrlMatcher } from '@lexical/link';
import { AutoLinkPlugin } from '@lexical/react/LexicalAutoLinkPlugin';
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { type InitialConfigType, LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { TableNode } from '@lexical/table';
import {
  $createParagraphNode,
  $getRoot,
  $setSelection,
  CLEAR_HISTORY_COMMAND,
  type ElementNode,
  HISTORY_MERGE_TAG,
  type LexicalEditor,
} from 'lexical';
import {
  forwardRef,
  type JSX,
  memo,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { EditorCommandsPlugin } from './plugins/EditorCommandsPlugin';
import { DocumentLoader } from './DocumentLoader';
import { $exportMarkdown, EDITOR_NODES, TRANSFORMERS } from './markdown';
import { $applyMarkdown } from './markdown/applyMarkdown';
import { BlockEscapePlugin } from './plugins/BlockEscapePlugin';
import { CheckListSemanticsPlugin } from './plugins/CheckListSemanticsPlugin';
import { BoundedHistoryPlugin } from './plugins/BoundedHistoryPlugin';
import { CodeBlockPlugin } from './plugins/CodeBlockPlugin';
import { CommentPlugin } from './plugins/CommentPlugin';
import { ImageHostContext } from './media/vaultFiles';
import { ImageInsertPlugin } from './media/ImageInsertPlugin';
import { ImagePlugin } from './media/ImagePlugin';
import { type MediaHost, MediaHostContext } from './media/mediaHost';
import { ExportWarmupPlugin } from './plugins/ExportWarmupPlugin';
import { HighlightTermsPlugin } from './plugins/HighlightTermsPlugin';
import {
  APPLY_DOCUMENT_TAG,
  type ContentChange,
  ContentChangePlugin,
  LOAD_DOCUMENT_TAG,
} from './plugins/ContentChangePlugin';
import { KeyboardShortcutsPlugin } from './plugins/KeyboardShortcutsPlugin';
import { LargePastePlugin, SlicedPaste } from './plugins/LargePastePlugin';
import { LinkClickPlugin } from './plugins/LinkClickPlugin';
import { LinkEditorPlugin } from './plugins/LinkEditorPlugin';
import { $unwrapDisallowedLinks, LinkGuardPlugin } from './plugins/LinkGuardPlugin';
import { ListTabIndentationPlugin } from './plugins/ListTabIndentationPlugin';
import { LongDocumentPlugin } from './plugins/LongDocumentPlugin';
import { PasteSanitizerPlugin } from './plugins/PasteSanitizerPlugin';
import { PlainTextPastePlugin } from './plugins/PlainTextPastePlugin';
import { ReactSelectionSnapshotPlugin } from './plugins/ReactSelectionSnapshotPlugin';
import { warmExportInSlices } from './markdown/warmExport';
import { RevealPlugin } from './plugins/RevealPlugin';
import { TextFormatGuardPlugin } from './plugins/TextFormatGuardPlugin';
import { WikiLinkAutocompletePlugin } from './plugins/WikiLinkAutocompletePlugin';
import { WikiLinkClickPlugin } from './plugins/WikiLinkClickPlugin';
import { type WikiLinkHost, WikiLinkResolutions } from './plugins/wikiLinkHost';
import { WikiLinkPreviewPlugin } from './plugins/WikiLinkPreviewPlugin';
import { WikiLinkResolutionPlugin } from './plugins/WikiLinkResolutionPlugin';
import { editorTheme } from './theme/editorTheme';
import { $insertQuote, type QuoteBlock } from './quotes/insertQuote';
import { QuoteDropPlugin, type QuoteDrop } from './quotes/QuoteDropPlugin';
import { TermDefinitionsPlugin } from './terms/TermDefinitionsPlugin';
import type { TermDefinitionsHost } from './terms/termDefinitionsHost';
import { Toolbar } from './toolbar/Toolbar';
import './theme/editor.css';

export interface EditorHandle {
  focus(): void;
  /** The document as Markdown (body only). */
  getMarkdown(): string;
  /** Replaces the document (e.g. the file changed on disk); clears undo history; does NOT fire onChange. */
  setMarkdown(markdown: string): void;
  /**
   * Changes the document into `markdown` as an edit of what it holds (a change on disk merged
   * with the user's): only the blocks that differ are replaced, so the caret, the selection
   * and the undo history stay (see $applyMarkdown). Does NOT fire onChange. While a long
   * note is still loading (nothing can be edited yet) it replaces the document like `setMarkdown`.
   */
  applyMarkdown?(markdown: string): void;
  /** True while edits are still being applied (the slices of a large paste): `getMarkdown` completes them first. */
  hasPendingEdits?(): boolean;
  /**
   * Does the work of the next `getMarkdown` ahead, in slices that give way to input, until
   * done or `stop()` returns true (see warmExportInSlices).
   */
  prepareMarkdown?(stop?: () => boolean): Promise<void>;
  /**
   * Inserts a quoted passage with its link back after the block holding the caret (see
   * $insertQuote), as an edit of the user's: undoable, and saved like typing. False (and
   * nothing inserted) when the note cannot be edited.
   */
  insertQuote?(quote: QuoteBlock): boolean;
}

export interface EditorProps {
  /** The note body (front matter already removed). Read once on mount (remount with a React key to load another note). */
  initialMarkdown: string;
  readOnly?: boolean;
  /**
   * Called after every content change made by the user (NOT selection-only changes, NOT the
   * initial load, NOT setMarkdown); `change.complete` marks the end of an edit that arrived
   * in slices (a large paste). Cheap: must not export Markdown itself.
   */
  onChange?(change: ContentChange): void;
  /** Editor lost focus (the lead flushes a save then). */
  onBlur?(): void;
  /** An input-method composition ended (the lead flushes a save then). */
  onCompositionEnd?(): void;
  /** Accessible name of the editing surface, e.g. `Note: <title>`. */
  ariaLabel: string;
  placeholder?: string;
  /**
   * Opens a link the user Ctrl/⌘-clicks (or clicks, when read-only). Only http, https and
   * mailto URLs are ever passed. Default: `window.open`, which the Electron host turns
   * into an external open after confirmation.
   */
  onOpenLink?(url: string): void;
  /**
   * Wiki links' connection to the app: resolving, the `[[` menu, previews, opening links
   * and revealing a place in the note. Without it wiki links still load and save.
   */
  wikiLinks?: WikiLinkHost;
  /**
   * Images and attachments' connection to the app: saving pasted, dropped and inserted
   * images, finding attachments, opening them, web images (see MediaHost). Without it the
   * vault's images still show and save.
   */
  media?: MediaHost;
  /** Quotes dropped on the note (a highlight dragged from the reader); without it such drops are not taken. Keep it stable. */
  quoteDrop?: QuoteDrop;
  /** The vault's tags for the `#` menu (see TagSuggestPlugin); without it there is no menu. Keep it stable. */
  suggestTags?(query: string): Promise<TagSuggestion[]>;
  /**
   * Definitions of glossary terms in the note (underlines and cards, see
   * TermDefinitionsPlugin); without it, none. Keep it stable: a new host scans the note again.
   */
  terms?: TermDefinitionsHost;
}

/** The view a decorator's error boundary wraps: Lexical's `<Suspense>{decorator}</Suspense>`. */
function decoratorIn(children: JSX.Element): unknown {
  return (children.props as { children?: unknown } | undefined)?.children ?? children;
}

/**
 * Lexical's error boundary, re-rendered only when its decorator's view changed. Whenever any
 * decorator of the note changes (each slice of a loading note adds some), Lexical wraps every
 * decorator again in a new boundary and Suspense with a new `onError` (which always calls the
 * same editor's handler): without this, React renders all of a note's images and formula
 * blocks again each time.
 */
const DecoratorErrorBoundary = memo(
  LexicalErrorBoundary,
  (before, after) => decoratorIn(before.children) === decoratorIn(after.children),
) as unknown as typeof LexicalErrorBoundary;

/**
 * Lexical's email matcher runs a heavy regular expression over the whole text of every
 * text node an update touches (a tenth of a 500 KB paste's script time went there); an
 * address always holds an `@`, so text without one is not looked at.
 */
const emailMatcher = (text: string) => (text.includes('@') ? autoLinkEmailMatcher(text) : null);
const AUTOLINK_MATCHERS = [autoLinkUrlMatcher, emailMatcher];
const NO_AUTOLINK_IN = [(parent: ElementNode) => $isCodeNode(parent)];

/** Optional features follow the dialect: a node type it does not register is not offered. */
const HAS_AUTOLINKS = EDITOR_NODES.includes(AutoLinkNode);
const HAS_TABLES = EDITOR_NODES.includes(TableNode);
const HAS_RULES = EDITOR_NODES.includes(HorizontalRuleNode);

/**
 * The note editor: Lexical rich text over the app's Markdown dialect (`./markdown`), with a
 * formatting toolbar, Markdown shortcuts while typing, links restricted to http, https and
 * mailto, sanitized paste, plain-text paste (Mod+Shift+V) and a bounded undo history.
 *
 * Needs no provider. Load another note by remounting with a new React `key`; replace the
 * content of the same note with `setMarkdown`. `getMarkdown` exports on demand (O(n)), so
 * call it when saving, not on every change.
 */
export const Editor = forwardRef<EditorHandle, EditorProps>(function Editor(
  {
    initialMarkdown,
    readOnly = false,
    onChange,
    onBlur,
    onCompositionEnd,
    ariaLabel,
    placeholder = 'Start writing…',
    onOpenLink,
    wikiLinks,
    media,
    suggestTags,
    quoteDrop,
    terms,
  },
  ref,
) {
  const editorRef = useRef<LexicalEditor | null>(null);
  // What getMarkdown returns before the editor exists (never, in practice).
  const initialMarkdownRef = useRef(initialMarkdown);
  const [shell, setShell] = useState<HTMLDivElement | null>(null);
  const [resolutions] = useState(() => new WikiLinkResolutions());
  // A long note is loaded in slices (the editor stays read-only until it is all there).
  const [loader] = useState(() => new DocumentLoader());
  // A large paste is inserted in slices; saving completes it first.
  const [pastes] = useState(() => new SlicedPaste());
  const loading = useSyncExternalStore(loader.subscribe, loader.isLoading);
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'study-notebook-note',
    nodes: EDITOR_NODES,
    theme: editorTheme,
    editable: !readOnly,
    editorState: () => loader.$load(initialMarkdown),
    onError: (error) => {
      // An error inside an update rolls that update back; the editor keeps working.
      console.error('Editor error:', error);
    },
  }));

  useImperativeHandle(ref, () => {
    const setMarkdown = (markdown: string) => {
      const editor = editorRef.current;
      if (editor === null) return;
      // Cleared first, so the loaded document becomes the base of the new history.
      editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
      const root = editor.getRootElement();
      const focused = root !== null && root.contains(root.ownerDocument.activeElement);
      editor.update(
        () => {
          loader.$load(markdown);
          // Keep the caret at the start only if the user is in the editor; never steal focus.
          if (focused) $getRoot().selectStart();
          else $setSelection(null);
        },
        { tag: [LOAD_DOCUMENT_TAG, HISTORY_MERGE_TAG], discrete: true },
      );
    };
    return {
      focus() {
        // Lexical's focus() places the selection; the DOM focus has to move too.
        editorRef.current?.getRootElement()?.focus({ preventScroll: true });
        editorRef.current?.focus();
      },
      getMarkdown() {
        const editor = editorRef.current;
        if (editor === null) return initialMarkdownRef.current;
        // While a long note is still loading, nothing can have been edited: it is the text loaded.
        if (loader.pendingMarkdown !== null) return loader.pendingMarkdown;
        pastes.finish();
        return editor.read(() => $exportMarkdown());
      },
      insertQuote(quote: QuoteBlock) {
        const editor = editorRef.current;
        if (editor === null || !editor.isEditable()) return false;
        pastes.finish();
        // What is pending (a plugin's first transforms, tagged history-merge, while a note
        // opens) is committed on its own first: an edit batched with it would take its tags
        // and not count as the user's (ContentChangePlugin), so it would not be saved. An
        // empty note gets its paragraph here too, as a click in it would.
        editor.update(() => void ($getRoot().isEmpty() && $getRoot().append($createParagraphNode())), {
          discrete: true,
          tag: HISTORY_MERGE_TAG,
        });
        editor.update(() => $insertQuote(quote), { discrete: true });
        editor.getRootElement()?.focus({ preventScroll: true });
        // The caret is below the quote now: bring both into view.
        const selection = window.getSelection();
        const focusNode = selection?.focusNode;
        (focusNode instanceof Element ? focusNode : focusNode?.parentElement)?.scrollIntoView?.({ block: 'nearest' });
        return true;
      },
      async prepareMarkdown(stop?: () => boolean) {
        const editor = editorRef.current;
        if (editor === null || loader.pendingMarkdown !== null) return;
        await warmExportInSlices(editor, stop);
      },
      hasPendingEdits() {
        return pastes.pending;
      },
      setMarkdown,
      applyMarkdown(markdown: string) {
        const editor = editorRef.current;
        if (editor === null) return;
        // A long note still loading cannot have been edited: replacing it is the same.
        if (loader.pendingMarkdown !== null) {
          setMarkdown(markdown);
          return;
        }
        pastes.finish();
        editor.update(
          () => {
            if ($applyMarkdown(markdown)) $unwrapDisallowedLinks();
          },
          // Merged into the current undo step: not an edit of the user's to undo on its own.
          { tag: [APPLY_DOCUMENT_TAG, HISTORY_MERGE_TAG], discrete: true },
        );
      },
    };
  }, [loader, pastes]);

  useEffect(() => {
    loader.attach(editorRef.current);
    return () => loader.attach(null);
  }, [loader]);

  useEffect(() => {
    editorRef.current?.setEditable(!readOnly && !loading);
  }, [readOnly, loading]);

  const notePath = wikiLinks?.notePath ?? null;
  const imageHost = useMemo(() => ({ notePath }), [notePath]);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ImageHostContext.Provider value={imageHost}>
        <MediaHostContext.Provider value={media ?? null}>
          <div ref={setShell} className="editor" data-readonly={readOnly || undefined}>
            {!readOnly && <Toolbar />}
            <div className="editor-surface">
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="editor-content"
                    ariaLabel={ariaLabel}
                    ariaMultiline
                    onBlur={(event) => {
                      // Focus moving inside the text (e.g. onto a check-list item) is not a blur.
                      const next = event.relatedTarget;
                      if (!(next instanceof Node && event.currentTarget.contains(next))) onBlur?.();
                    }}
                    onCompositionEnd={onCompositionEnd}
                    aria-placeholder={placeholder}
                    placeholder={() => (loading ? null : <div className="editor-placeholder">{placeholder}</div>)}
                  />
                }
                ErrorBoundary={DecoratorErrorBoundary}
              />
              {loading && (
                <p className="editor-loading" role="status">
                  Loading the rest of the note…
                </p>
              )}
            </div>
            <EditorRefPlugin editorRef={editorRef} />
            <BoundedHistoryPlugin />
            <ContentChangePlugin onChange={onChange} />
            <ListPlugin />
            <CheckListPlugin />
            <CheckListSemanticsPlugin />
            <ListTabIndentationPlugin />
            <LinkPlugin validateUrl={isAllowedLinkUrl} />
            {HAS_AUTOLINKS && <AutoLinkPlugin matchers={AUTOLINK_MATCHERS} excludeParents={NO_AUTOLINK_IN} />}
            <LinkGuardPlugin />
            <LinkClickPlugin onOpenLink={onOpenLink} />
            {HAS_TABLES && <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />}
            {HAS_RULES && <HorizontalRulePlugin />}
            <CodeBlockPlugin />
            <CalloutPlugin />
            <CommentPlugin />
            <MathPlugin />
            <ImagePlugin />
            <TagPlugin />
            <FootnotePlugin />
            {!readOnly && media && <ImageInsertPlugin />}
            {!readOnly && quoteDrop && <QuoteDropPlugin quoteDrop={quoteDrop} />}
            <BlockIdPlugin />
            {wikiLinks && <EmbedPlugin host={wikiLinks} />}
            <ItemEmbedPlugin />
            <BlockEscapePlugin />
            <MarkdownShortcutPlugin transformers={TRANSFORMERS} />
            <TextFormatGuardPlugin />
            <PasteSanitizerPlugin />
            {!readOnly && <LargePastePlugin pastes={pastes} />}
            <PlainTextPastePlugin />
            <KeyboardShortcutsPlugin />
            <HighlightTermsPlugin />
            <LongDocumentPlugin loading={loading} />
            <ReactSelectionSnapshotPlugin />
            {!readOnly && <ExportWarmupPlugin />}
            <EditorCommandsPlugin />
            {!readOnly && <LinkEditorPlugin container={shell} />}
            {wikiLinks && <WikiLinkResolutionPlugin host={wikiLinks} resolutions={resolutions} />}
            {wikiLinks && <WikiLinkClickPlugin host={wikiLinks} resolutions={resolutions} />}
            {wikiLinks && <WikiLinkPreviewPlugin host={wikiLinks} resolutions={resolutions} />}
            {wikiLinks && !readOnly && <WikiLinkAutocompletePlugin host={wikiLinks} />}
            {suggestTags && !readOnly && <TagSuggestPlugin suggestTags={suggestTags} />}
            {terms && <TermDefinitionsPlugin host={terms} readOnly={readOnly} />}
            {/* A place is revealed once the whole note is there. */}
            {wikiLinks?.notePath && !loading && (
              <RevealPlugin notePath={wikiLinks.notePath} bodyOffset={wikiLinks.bodyOffset} />
            )}
          </div>
        </MediaHostContext.Provider>
      </ImageHostContext.Provider>
    </LexicalComposer>
  );
});
