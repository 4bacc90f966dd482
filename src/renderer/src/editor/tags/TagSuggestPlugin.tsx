/**
 * The `#` menu: typing `#` and a letter in a note's text offers the vault's tags (most used
 * first); arrows move, Enter or Tab inserts the tag (and a space), Escape closes. It does not
 * open in code, in links, in a URL's `#anchor`, or for a heading's `# `.
 *
 * Lexical's typeahead menu (the `[[` menu's) reads only plain text nodes, and a tag becomes a
 * TagNode pill as soon as it is typed, so this menu follows the caret itself: after each
 * edit it reads the tag being typed before the caret, in a text node or a tag pill.
 */
import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { TagSuggestion } from '@shared/domain/tags';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  BLUR_COMMAND,
  COMMAND_PRIORITY_HIGH,
  COMMAND_PRIORITY_LOW,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Announcement } from '../../ui/Announcement';
import '../plugins/wikiLinkMenu.css';
import { $isTagNode } from './TagNode';
import './tag.css';

/** How many tags the menu lists. */
const SUGGESTION_LIMIT = 8;
/** Typing pauses this long before the backend is asked. */
const QUERY_DELAY_MS = 60;

/** The tag being typed: `#` at `start` of node `key`, the caret at `end`; `query` between. */
export interface TagQuery {
  key: string;
  start: number;
  end: number;
  query: string;
}

const TAG_CHARS = /^[\p{L}\p{N}\p{M}_\-/]*$/u;
// Obsidian's rule for where a tag may start: the line start, after whitespace, `(` or `[`.
const TAG_BEFORE_CARET = /(^|[\s([])#([\p{L}\p{N}\p{M}_\-/]+)$/u;

/** The tag typed before the caret, from the text before it in its node and the text before that node. */
export function findTagQuery(before: string, previousChar: string): { start: number; query: string } | null {
  const match = TAG_BEFORE_CARET.exec(before);
  if (!match) return null;
  const start = match.index + match[1]!.length;
  if (start === 0 && previousChar !== '' && !/[\s([]/.test(previousChar)) return null;
  const query = match[2]!;
  // `#` then a letter or digit: `##` (a heading being typed) and `#/` are not tags being typed.
  if (!/^[\p{L}\p{N}]/u.test(query)) return null;
  return { start, query };
}

/** The tag query at the caret, or null. Needs a read context. */
function $tagQueryAtCaret(): TagQuery | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node) || node.hasFormat('code')) return null;
  if (!(node.getType() === 'text' || $isTagNode(node))) return null;
  const parent = node.getParent();
  if (parent === null || $isCodeNode(parent) || $isLinkNode(parent)) return null;
  const offset = selection.anchor.offset;
  const text = node.getTextContent();
  const rest = text.slice(offset);
  // Only at the end of what is being typed (not with tag characters after the caret).
  if (rest !== '' && TAG_CHARS.test(rest[0]!)) return null;
  const previous = node.getPreviousSibling();
  const previousChar = $isTextNode(previous) ? previous.getTextContent().slice(-1) : previous ? 'x' : '';
  const found = findTagQuery(text.slice(0, offset), previousChar);
  if (!found) return null;
  return { key: node.getKey(), start: found.start, end: offset, query: found.query };
}

function sameQuery(a: TagQuery | null, b: TagQuery | null): boolean {
  return a === b || (a !== null && b !== null && a.key === b.key && a.start === b.start && a.query === b.query);
}

/** Replaces the typed tag with `#tag ` (the caret after the space). */
function insertTag(editor: LexicalEditor, query: TagQuery, tag: string): void {
  editor.update(() => {
    const node = $getNodeByKey(query.key);
    if (!$isTextNode(node)) return;
    const text = node.getTextContent();
    if (text.slice(query.start, query.end) !== `#${query.query}`) return;
    const following = text.slice(query.end);
    const insert = following.startsWith(' ') ? `#${tag}` : `#${tag} `;
    node.spliceText(query.start, query.end - query.start, insert, true);
    if (following.startsWith(' ')) {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) {
        const at = query.start + insert.length + 1;
        selection.anchor.set(node.getKey(), at, 'text');
        selection.focus.set(node.getKey(), at, 'text');
      }
    }
  });
}

/** Where the menu goes: under the caret, else near the editor's top. */
function caretPosition(editor: LexicalEditor): { left: number; top: number } | null {
  const selection = window.getSelection();
  const rect = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).getBoundingClientRect() : null;
  if (!rect || (rect.width === 0 && rect.height === 0 && rect.left === 0 && rect.top === 0)) {
    const root = editor.getRootElement()?.getBoundingClientRect();
    return root ? { left: root.left + 16, top: root.top + 16 } : null;
  }
  return { left: Math.max(8, Math.min(rect.left, window.innerWidth - 330)), top: rect.bottom + 4 };
}

export function TagSuggestPlugin({ suggestTags }: { suggestTags(query: string): Promise<TagSuggestion[]> }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<TagQuery | null>(null);
  const [answer, setAnswer] = useState<{ query: string; tags: TagSuggestion[] } | null>(null);
  // The highlighted option, for the query it was chosen in (a new query starts at the top).
  const [highlight, setHighlight] = useState<{ query: string | null; index: number }>({ query: null, index: 0 });
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);
  const dismissed = useRef<TagQuery | null>(null);
  const listId = useId();

  // Follow the caret: open on a tag being typed, close when it is no longer there or the editor loses focus.
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            setQuery(null);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerUpdateListener(({ editorState, dirtyLeaves, tags }) => {
          if (!editor.isEditable()) return setQuery(null);
          const found = editorState.read(() => $tagQueryAtCaret());
          const typed = dirtyLeaves.size > 0 && !tags.has('historic') && !tags.has('collaboration');
          setQuery((current) => {
            if (found === null) return null;
            if (dismissed.current && sameQuery(dismissed.current, found)) return null;
            dismissed.current = null;
            if (current === null && !typed) return null;
            return sameQuery(current, found) ? current : found;
          });
          // Under the caret (the DOM is up to date when update listeners run).
          if (found !== null) setPosition(caretPosition(editor));
        }),
      ),
    [editor],
  );

  const text = query?.query ?? null;
  useEffect(() => {
    if (text === null) return;
    let current = true;
    const timer = setTimeout(() => {
      suggestTags(text).then(
        (tags) => current && setAnswer({ query: text, tags: tags.slice(0, SUGGESTION_LIMIT) }),
        () => current && setAnswer({ query: text, tags: [] }),
      );
    }, QUERY_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [suggestTags, text]);
  const options = useMemo(() => (query !== null && answer?.query === query.query ? answer.tags : []), [query, answer]);
  const open = query !== null && options.length > 0;
  const selected = highlight.query === text ? highlight.index : 0;
  const setSelected = useCallback(
    (next: (index: number) => number) =>
      setHighlight((current) => ({ query: text, index: next(current.query === text ? current.index : 0) })),
    [text],
  );
  const active = open ? Math.min(selected, options.length - 1) : -1;

  // The menu is fixed to the viewport: it follows the caret when the note (or the window)
  // scrolls or resizes, once a frame at most.
  useEffect(() => {
    if (!open) return;
    let frame = 0;
    const follow = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setPosition(caretPosition(editor)));
    };
    window.addEventListener('scroll', follow, { capture: true, passive: true });
    window.addEventListener('resize', follow);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', follow, { capture: true });
      window.removeEventListener('resize', follow);
    };
  }, [editor, open]);
  const optionId = (index: number) => `${listId}-tag-${index}`;

  // The editor points at the highlighted option, so screen readers read it as the arrows move.
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    if (open && active >= 0) {
      root.setAttribute('aria-activedescendant', optionId(active));
      root.setAttribute('aria-controls', listId);
    }
    return () => {
      if (root.getAttribute('aria-controls') === listId) {
        root.removeAttribute('aria-activedescendant');
        root.removeAttribute('aria-controls');
      }
    };
    // optionId depends on listId only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, open, active, listId]);

  const pick = useCallback(
    (tag: string) => {
      if (query === null) return;
      insertTag(editor, query, tag);
      setQuery(null);
    },
    [editor, query],
  );

  useEffect(() => {
    if (!open) return;
    const choose = (event: KeyboardEvent | null): boolean => {
      if (event?.shiftKey) return false;
      event?.preventDefault();
      event?.stopImmediatePropagation();
      pick(options[active]!.tag);
      return true;
    };
    const move = (event: KeyboardEvent | null, step: number): boolean => {
      event?.preventDefault();
      setSelected((index) => (Math.min(index, options.length - 1) + step + options.length) % options.length);
      return true;
    };
    return mergeRegister(
      editor.registerCommand(KEY_ARROW_DOWN_COMMAND, (event) => move(event, 1), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(KEY_ARROW_UP_COMMAND, (event) => move(event, -1), COMMAND_PRIORITY_HIGH),
      editor.registerCommand(KEY_ENTER_COMMAND, choose, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(KEY_TAB_COMMAND, choose, COMMAND_PRIORITY_HIGH),
      editor.registerCommand(
        KEY_ESCAPE_COMMAND,
        (event) => {
          event?.preventDefault();
          event?.stopImmediatePropagation();
          dismissed.current = query;
          setQuery(null);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, open, options, active, pick, query, setSelected]);

  return (
    <>
      {open &&
        position &&
        createPortal(
          <div
            className="wiki-menu tag-menu"
            style={{ position: 'fixed', left: position.left, top: position.top }}
            onMouseDown={(event) => event.preventDefault()}
          >
            <div className="wiki-menu-heading" id={`${listId}-label`}>
              Tags
            </div>
            <ul className="wiki-menu-list" role="listbox" id={listId} aria-labelledby={`${listId}-label`}>
              {options.map((option, index) => (
                <li
                  key={option.tag}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className="wiki-menu-option"
                  onMouseEnter={() => setSelected(() => index)}
                  onClick={() => pick(option.tag)}
                >
                  <div className="wiki-menu-line">
                    <span className="tag-menu-name">#{option.tag}</span>
                    <span className="wiki-menu-folder tag-menu-count">
                      {option.count === 1 ? '1 note' : `${option.count} notes`}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
            <div className="wiki-menu-foot" aria-hidden="true">
              <span>
                <kbd>↵</kbd> insert
              </span>
              <span>
                <kbd>↑↓</kbd> choose
              </span>
              <span>
                <kbd>Esc</kbd> close
              </span>
            </div>
          </div>,
          document.body,
        )}
      <Announcement message={open ? `${options.length} tag${options.length === 1 ? '' : 's'} suggested` : ''} />
    </>
  );
}
