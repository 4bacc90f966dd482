import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { MenuOption } from '@lexical/react/LexicalMenuOption';
import { LexicalTypeaheadMenuPlugin } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { HeadingInfo, LinkSuggestion } from '@shared/domain/links';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COMMAND_PRIORITY_NORMAL,
  KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
  type TextNode,
} from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useCommands } from '../../ui/commands/useCommands';
import { KindBadge } from '../../ui/KindBadge';
import { $createWikiLinkNode, $isWikiLinkNode } from '../nodes/WikiLinkNode';
import type { WikiLinkHost } from './wikiLinkHost';
import {
  findLinkQuery,
  type LinkMenuItem,
  linkMenuItems,
  linkPartsOf,
  type LinkQueryParts,
  splitLinkQuery,
} from './wikiLinkQuery';
import './wikiLinkMenu.css';

/** How many targets the menu lists. */
const SUGGESTION_LIMIT = 8;
/** Typing pauses this long before the backend is asked. */
const QUERY_DELAY_MS = 60;

/** What key handlers need from the open menu. */
interface MenuHandle {
  active: LinkOption | null;
  pick(option: LinkOption): void;
}

class LinkOption extends MenuOption {
  constructor(
    key: string,
    readonly item: LinkMenuItem,
  ) {
    super(key);
  }
}

function optionKey(item: LinkMenuItem): string {
  switch (item.kind) {
    case 'target':
      return `t:${item.suggestion.ref.kind}:${item.suggestion.ref.kind === 'entry' ? item.suggestion.ref.id : item.suggestion.ref.path}`;
    case 'create':
      return `c:${item.title}`;
    case 'heading':
      return `h:${item.heading.level}:${item.heading.text}`;
    case 'typed':
      return 'typed';
  }
}

/** The data behind the current query, or null while it loads. */
type Answer = { query: string; suggestions?: LinkSuggestion[]; headings?: HeadingInfo[] };

/** Text before the caret in a plain text node, or null (not in a link, code or a link's text). */
function triggerFn(text: string): ReturnType<typeof findLinkQuery> {
  const match = findLinkQuery(text);
  if (match === null) return null;
  // Called inside the typeahead's read of the editor state.
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || node.hasFormat('code')) return null;
  const parent = node.getParent();
  if (parent === null || $isCodeNode(parent) || $isLinkNode(parent)) return null;
  return match;
}

/** Replaces the typed `[[query` (in `textNode`) with a link to `parts`; the caret goes after it. */
function $insertLink(textNode: TextNode | null, parts: LinkQueryParts): string | null {
  const link = $createWikiLinkNode(parts);
  if (textNode !== null) {
    textNode.replace(link);
  } else {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    selection.insertNodes([link]);
  }
  link.selectNext(0, 0);
  return link.getKey();
}

/**
 * The `[[` menu: typing `[[` lists notes and glossary entries (titles and aliases, best
 * match first, each labelled Glossary or Note with a one-line preview); `#` after a
 * target lists its headings; `|` starts a label. Enter inserts the link, Tab completes the
 * target's name (to go on with `#` or `|`), Escape closes. A target nothing answers to can
 * be created from the menu. Built on Lexical's typeahead menu: the editor keeps the focus,
 * the options are a listbox it points at with aria-activedescendant.
 */
export function WikiLinkAutocompletePlugin({ host }: { host: WikiLinkHost }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The open menu's highlighted option and its way to pick one (set by the menu, read by key handlers).
  const menu = useRef<MenuHandle | null>(null);
  const setMenu = useCallback((handle: MenuHandle | null) => {
    menu.current = handle;
  }, []);
  const parts = useMemo(() => (query === null ? null : splitLinkQuery(query)), [query]);

  // Ask the backend for what the query needs (targets, or a target's headings).
  const target = parts?.target ?? null;
  const wantsHeadings = parts !== null && parts.heading !== null && parts.label === null;
  const wantsTargets = parts !== null && parts.heading === null && parts.label === null;
  const fetchKey = wantsHeadings ? `#${target}` : wantsTargets ? `?${target}` : null;
  useEffect(() => {
    if (fetchKey === null || target === null) return;
    let current = true;
    const timer = setTimeout(() => {
      const request = wantsHeadings
        ? host.listHeadings(target.trim()).then((headings): Answer => ({ query: fetchKey, headings }))
        : host.suggestLinkTargets(target.trim()).then((suggestions): Answer => ({ query: fetchKey, suggestions }));
      request.then(
        (value) => current && setAnswer(value),
        () => current && setAnswer({ query: fetchKey, suggestions: [], headings: [] }),
      );
    }, QUERY_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, fetchKey, target, wantsHeadings]);

  const loading = fetchKey !== null && answer?.query !== fetchKey;
  const options = useMemo(() => {
    if (parts === null) return [];
    const data = fetchKey !== null && answer?.query === fetchKey ? answer : {};
    const items = linkMenuItems(parts, data).slice(0, SUGGESTION_LIMIT + 1);
    return items.map((item) => new LinkOption(optionKey(item), item));
  }, [parts, fetchKey, answer]);

  const onSelectOption = useCallback(
    (option: LinkOption, textNode: TextNode | null, closeMenu: () => void) => {
      const linkParts = linkPartsOf(option.item);
      const key = $insertLink(textNode, linkParts);
      closeMenu();
      if (option.item.kind !== 'create' || key === null) return;
      // The link is there at once; the note follows (its title may come back tidied).
      void host.createNote(option.item.title).then((written) => {
        if (written === null || written === linkParts.target) return;
        editor.update(() => {
          const node = $getNodeByKey(key);
          if ($isWikiLinkNode(node)) node.replace($createWikiLinkNode({ ...linkParts, target: written }));
        });
      });
    },
    [editor, host],
  );

  // Enter inserts the highlighted link; Tab completes a target's name in place (so `#` or `|`
  // can follow) and inserts a completed one. Handled before the list and code plugins'
  // Tab and Enter, which would otherwise indent or break the line under the open menu.
  useEffect(() => {
    const pick = (event: KeyboardEvent | null, complete: boolean): boolean => {
      const handle = menu.current;
      if (query === null || handle === null || handle.active === null || event?.shiftKey) return false;
      event?.preventDefault();
      event?.stopImmediatePropagation();
      const option = handle.active;
      if (complete && option.item.kind === 'target' && splitLinkQuery(query).target !== option.item.suggestion.insert) {
        completeQuery(editor, query, option.item.suggestion.insert);
      } else {
        handle.pick(option);
      }
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_TAB_COMMAND, (event) => pick(event, true), COMMAND_PRIORITY_NORMAL),
      editor.registerCommand(KEY_ENTER_COMMAND, (event) => pick(event, false), COMMAND_PRIORITY_NORMAL),
    );
  }, [editor, query]);

  useCommands([
    {
      id: 'editor.insertWikiLink',
      title: 'Insert link to a note or glossary entry',
      group: 'Insert',
      keywords: ['wiki link', '[[', 'backlink'],
      when: () => editor.isEditable(),
      run: () => {
        editor.getRootElement()?.focus({ preventScroll: true });
        editor.update(() => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertText('[[');
        });
      },
    },
  ]);

  return (
    <LexicalTypeaheadMenuPlugin<LinkOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      ignoreEntityBoundary
      anchorClassName="wiki-menu-anchor"
      menuRenderFn={(anchor, props) =>
        anchor.current && parts !== null
          ? createPortal(
              <LinkMenu
                editor={editor}
                container={anchor.current}
                parts={parts}
                loading={loading}
                options={props.options}
                selectedIndex={props.selectedIndex}
                onHandle={setMenu}
                onHover={props.setHighlightedIndex}
                onPick={props.selectOptionAndCleanUp}
              />,
              anchor.current,
            )
          : null
      }
    />
  );
}

/** Replaces the query after the last `[[` before the caret with `name`. */
function completeQuery(editor: LexicalEditor, query: string, name: string): void {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return;
    const node = selection.anchor.getNode();
    if (!$isTextNode(node)) return;
    const offset = selection.anchor.offset;
    const text = node.getTextContent();
    const start = offset - query.length;
    if (start < 0 || text.slice(start, offset) !== query) return;
    node.setTextContent(text.slice(0, start) + name + text.slice(offset));
    node.select(start + name.length, start + name.length);
  });
}

interface LinkMenuProps {
  editor: LexicalEditor;
  container: HTMLElement;
  parts: LinkQueryParts;
  loading: boolean;
  options: LinkOption[];
  selectedIndex: number | null;
  onHandle(handle: MenuHandle | null): void;
  onHover(index: number): void;
  onPick(option: LinkOption): void;
}

function LinkMenu({
  editor,
  container,
  parts,
  loading,
  options,
  selectedIndex,
  onHandle,
  onHover,
  onPick,
}: LinkMenuProps) {
  const active = selectedIndex === null ? null : (options[selectedIndex] ?? null);

  useLayoutEffect(() => {
    onHandle({ active, pick: onPick });
    container.setAttribute('aria-label', 'Link suggestions');
    const root = editor.getRootElement();
    if (root && selectedIndex !== null && active) root.setAttribute('aria-activedescendant', optionId(selectedIndex));
  }, [active, container, editor, onHandle, onPick, selectedIndex]);
  useLayoutEffect(() => () => onHandle(null), [onHandle]);

  const mode = parts.label !== null ? 'label' : parts.heading !== null ? 'heading' : 'target';
  const heading =
    mode === 'heading'
      ? `Headings in “${parts.target.trim() || 'this note'}”`
      : mode === 'label'
        ? 'Link with a label'
        : null;

  return (
    <div className="wiki-menu" onMouseDown={(event) => event.preventDefault()}>
      {heading && <div className="wiki-menu-heading">{heading}</div>}
      <ul className="wiki-menu-list" role="presentation">
        {options.map((option, index) => (
          <li
            key={option.key}
            id={optionId(index)}
            ref={(element) => option.setRefElement(element)}
            role="option"
            aria-selected={index === selectedIndex}
            className={`wiki-menu-option wiki-menu-option-${option.item.kind}`}
            onMouseEnter={() => onHover(index)}
            onClick={() => onPick(option)}
          >
            <OptionContent item={option.item} />
          </li>
        ))}
      </ul>
      {options.length === 0 && (
        <div className="wiki-menu-empty">
          {loading
            ? 'Searching…'
            : mode === 'heading'
              ? 'No headings found.'
              : mode === 'label'
                ? 'Type the target before the |.'
                : 'Type a note or glossary title.'}
        </div>
      )}
      <div className="wiki-menu-foot" aria-hidden="true">
        <span>
          <kbd>↵</kbd> insert
        </span>
        <span>
          <kbd>Tab</kbd> complete
        </span>
        <span>
          <kbd>#</kbd> heading
        </span>
        <span>
          <kbd>|</kbd> label
        </span>
        <span>
          <kbd>Esc</kbd> close
        </span>
      </div>
    </div>
  );
}

function optionId(index: number): string {
  // The id Lexical's typeahead points the editor's aria-activedescendant at.
  return `typeahead-item-${index}`;
}

function OptionContent({ item }: { item: LinkMenuItem }) {
  switch (item.kind) {
    case 'target': {
      const { suggestion } = item;
      const folder = suggestion.ref.kind === 'note' ? suggestion.ref.path.split('/').slice(0, -1).join('/') : '';
      return (
        <>
          <div className="wiki-menu-line">
            <span className="wiki-menu-title">{suggestion.title}</span>
            {suggestion.matchedAlias && <span className="wiki-menu-alias">alias “{suggestion.matchedAlias}”</span>}
            {folder && <span className="wiki-menu-folder">{folder}</span>}
            <KindBadge kind={suggestion.kind} />
          </div>
          {suggestion.preview && <div className="wiki-menu-preview">{suggestion.preview}</div>}
        </>
      );
    }
    case 'create':
      return (
        <div className="wiki-menu-line">
          <span className="wiki-menu-plus" aria-hidden="true">
            +
          </span>
          <span className="wiki-menu-title">Create note “{item.title}”</span>
        </div>
      );
    case 'heading':
      return (
        <div className="wiki-menu-line" style={{ paddingLeft: `${(item.heading.level - 1) * 12}px` }}>
          <span className="wiki-menu-hash" aria-hidden="true">
            {'#'.repeat(Math.min(item.heading.level, 3))}
          </span>
          <span className="wiki-menu-title">{item.heading.text}</span>
        </div>
      );
    case 'typed': {
      const parts = linkPartsOf(item);
      return (
        <div className="wiki-menu-line">
          <span className="wiki-menu-title">
            {parts.label ? `“${parts.label}”` : parts.target}
            {parts.heading ? ` › ${parts.heading}` : ''}
          </span>
          <span className="wiki-menu-folder">
            {parts.label ? `links to ${parts.target}${parts.heading ? `#${parts.heading}` : ''}` : 'insert as typed'}
          </span>
        </div>
      );
    }
  }
}
