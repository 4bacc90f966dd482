import { Fragment, useState } from 'react';
import { HighlightedText } from '../../ui/highlight/HighlightedText';
import { NameSeparator } from '../../ui/NameSeparator';
import { ariaKeyShortcut, shortcutLabel, IS_APPLE, type Shortcut } from '../../ui/shortcuts';
import { QuickPick, type QuickPickSection } from '../switcher/QuickPick';
import { shortcutsOf } from '../../ui/commands/CommandRegistry';
import { filterCommands, type Choice } from './filterCommands';
import { useCommandList, useCommandRegistry } from '../../ui/commands/useCommands';
import { PICKER_COMMAND_IDS } from './useShellCommands';
import './commandPalette.css';

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
