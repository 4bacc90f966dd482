import { useCommands } from '../../ui/commands/useCommands';
import type { Shortcut } from '../../ui/shortcuts';
import { activeReader } from './readerRegistry';

/** Highlights the selection in the reader: the editor's Highlight shortcut, the same meaning. */
export const HIGHLIGHT_SHORTCUT: Shortcut = ['Mod', 'Shift', 'H'];

/** Whether the user is in a reader with a selection in its body or a highlight focused. */
function hasTarget(): boolean {
  const reader = activeReader();
  if (!reader) return false;
  if (reader.selection()) return true;
  const active = document.activeElement;
  return (
    active instanceof Element &&
    reader.article()?.contains(active) === true &&
    active.matches('mark[data-highlight-id]')
  );
}

/**
 * Whether a reader with at least one highlight is shown and the focus is in it or nowhere
 * (so the keys stay with the editor or a list that has the focus).
 */
function hasHighlights(): boolean {
  const article = activeReader()?.article();
  const active = document.activeElement;
  const focusFree = active === null || active === document.body || article?.contains(active) === true;
  return focusFree && article?.querySelector('mark[data-first]') != null;
}

/**
 * The reader's highlight commands. Every reader registers the same ones (the later
 * shadowing the earlier, which is harmless: they all act on the reader the user is in,
 * see readerRegistry).
 */
export function useHighlightCommands(): void {
  useCommands([
    {
      id: 'highlights.highlight',
      title: 'Highlight selection',
      group: 'Reader',
      shortcut: HIGHLIGHT_SHORTCUT,
      keywords: ['mark', 'annotate', 'colour'],
      when: hasTarget,
      run: () => activeReader()?.highlight(),
    },
    {
      id: 'highlights.note',
      title: 'Add margin note to selection or highlight',
      group: 'Reader',
      shortcut: ['Mod', 'Shift', 'M'],
      keywords: ['annotate', 'comment', 'margin'],
      when: hasTarget,
      run: () => activeReader()?.note(),
    },
    {
      id: 'highlights.quote',
      title: 'Quote selection in note',
      group: 'Reader',
      shortcut: ['Mod', 'Shift', 'E'],
      keywords: ['cite', 'excerpt', 'insert'],
      when: hasTarget,
      run: () => activeReader()?.quote(),
    },
    {
      id: 'highlights.next',
      title: 'Next highlight',
      group: 'Reader',
      shortcut: ['Alt', 'ArrowDown'],
      when: hasHighlights,
      run: () => activeReader()?.moveFocus(1),
    },
    {
      id: 'highlights.previous',
      title: 'Previous highlight',
      group: 'Reader',
      shortcut: ['Alt', 'ArrowUp'],
      when: hasHighlights,
      run: () => activeReader()?.moveFocus(-1),
    },
  ]);
}
