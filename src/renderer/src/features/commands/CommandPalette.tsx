import { Fragment, useState } from 'react';
import { HighlightedText } from '../../ui/highlight/HighlightedText';
import { NameSeparator } from '../../ui/NameSeparator';
import { ariaKeyShortcut, shortcutLabel, IS_APPLE, type Shortcut } from '../../ui/shortcuts';
import { QuickPick, type QuickPickSection } from '../switcher/QuickPick';
import { shortcutsOf, type Command } from '../../ui/commands/CommandRegistry';
import { fuzzyMatch } from './fuzzyMatch';
import { useCommandList, useCommandRegistry } from '../../ui/commands/useCommands';
import { PICKER_COMMAND_IDS } from './useShellCommands';
import './commandPalette.css';

interface Choice {
  command: Command;
  /** Matched characters of `${group}: ${title}` (or of the title when there is no group). */
  ranges: Array<[number, number]>;
}

const RECENT_SHOWN = 5;

function labelOf(command: Command): string {
  return command.group ? `${command.group}: ${command.title}` : command.title;
}

/**
 * The palette's choices for `query`: every available command whose label matches (or, less
 * well, whose keywords do), best first. With an empty query, recently run commands come
 * first, then all the others by group and title.
 */
export function filterCommands(
  commands: readonly Command[],
  query: string,
  recent: readonly string[] = [],
): { recent: Choice[]; others: Choice[] } {
  if (query.trim() === '') {
    const recentChoices = recent
      .map((id) => commands.find((command) => command.id === id))
      .filter((command): command is Command => command !== undefined)
      .slice(0, RECENT_SHOWN)
      .map((command) => ({ command, ranges: [] }));
    const shown = new Set(recentChoices.map((choice) => choice.command.id));
    return {
      recent: recentChoices,
      others: commands.filter((command) => !shown.has(command.id)).map((command) => ({ command, ranges: [] })),
    };
  }
  const scored: Array<Choice & { score: number }> = [];
  for (const command of commands) {
    const match = fuzzyMatch(query, labelOf(command));
    if (match) {
      scored.push({ command, ranges: match.ranges, score: match.score });
      continue;
    }
    const keyword = fuzzyMatch(query, [command.title, ...(command.keywords ?? [])].join(' '));
    // A keyword match ranks below any label match and marks nothing.
    if (keyword) scored.push({ command, ranges: [], score: keyword.score - 1000 });
  }
  scored.sort((a, b) => b.score - a.score);
  return { recent: [], others: scored.map(({ command, ranges }) => ({ command, ranges })) };
}

/** A shortcut as key caps: ⌘ ⇧ P on macOS, Ctrl Shift P elsewhere. */
export function ShortcutKeys({ shortcut }: { shortcut: Shortcut }) {
  const keys = IS_APPLE ? [...shortcutLabel(shortcut)] : shortcutLabel(shortcut).split('+');
  return (
    <span className="shortcut-keys" data-shortcut={ariaKeyShortcut(shortcut)}>
      {keys.map((key, index) => (
        // The space keeps the keys apart in the option's name ("Ctrl Shift P", not "CtrlShiftP").
        <Fragment key={index}>
          <kbd className="keycap">{key}</kbd>{' '}
        </Fragment>
      ))}
    </span>
  );
}

function renderChoice({ command, ranges }: Choice) {
  const prefix = command.group ? `${command.group}: ` : '';
  const groupRanges = ranges.filter(([start]) => start < prefix.length);
  const titleRanges = ranges.map(([start, end]): [number, number] => [start - prefix.length, end - prefix.length]);
  const shortcuts = shortcutsOf(command);
  return (
    <>
      <span className="qp-main">
        <span className="qp-title">
          {command.group && (
            <span className="palette-group">
              <HighlightedText text={prefix} ranges={groupRanges} />
            </span>
          )}
          <HighlightedText text={command.title} ranges={titleRanges} />
        </span>
      </span>
      {shortcuts.length > 0 && (
        <>
          <NameSeparator />
          <span className="palette-shortcuts">
            {shortcuts.map((shortcut) => (
              <Fragment key={shortcut.join('+')}>
                <ShortcutKeys shortcut={shortcut} />{' '}
              </Fragment>
            ))}
          </span>
        </>
      )}
    </>
  );
}

const HINTS = [
  ['↑↓', 'navigate'],
  ['↵', 'run'],
  ['esc', 'close'],
] as const;

export interface CommandPaletteProps {
  onClose(): void;
}

/**
 * The command palette (Mod+Shift+P): every command of the app that applies now, with its
 * shortcut, fuzzy-filtered as you type; Enter runs the active one after the palette has
 * closed and focus is back where it was (so editor commands act on the selection).
 */
export function CommandPalette({ onClose }: CommandPaletteProps) {
  const registry = useCommandRegistry();
  const all = useCommandList();
  const [query, setQuery] = useState('');
  // `when` is read at render: the palette shows what applies at the moment it is open.
  const available = all.filter((command) => command.when?.() ?? true);
  const { recent, others } = filterCommands(available, query, registry.recentlyUsed());
  const sections: Array<QuickPickSection<Choice>> = [
    { key: 'recent', title: 'Recently used', items: recent },
    { key: 'all', title: recent.length > 0 ? 'Other commands' : undefined, items: others },
  ];

  return (
    <QuickPick<Choice>
      label="Command palette"
      allowedCommands={PICKER_COMMAND_IDS}
      className="command-palette"
      placeholder="Type a command…"
      query={query}
      onQueryChange={setQuery}
      sections={sections}
      keyOf={(choice) => choice.command.id}
      renderItem={renderChoice}
      emptyText={`No commands match “${query.trim()}”.`}
      hints={HINTS}
      onClose={onClose}
      onChoose={(choice) => registry.run(choice.command.id, { remember: true })}
    />
  );
}
