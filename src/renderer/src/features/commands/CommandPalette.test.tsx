import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandPalette } from './CommandPalette';
import { filterCommands } from './filterCommands';
import { CommandRegistry, type Command } from '../../ui/commands/CommandRegistry';
import { CommandRegistryContext, useCommands } from '../../ui/commands/useCommands';

afterEach(cleanup);

describe('filterCommands', () => {
  const commands: Command[] = [
    { id: 'a', title: 'New note', group: 'Note', run: () => undefined },
    { id: 'b', title: 'Bold', group: 'Format', run: () => undefined },
    { id: 'c', title: 'Search notes and glossary', group: 'Go', keywords: ['find'], run: () => undefined },
  ];

  it('lists recently used commands first when the query is empty', () => {
    const { recent, others } = filterCommands(commands, '', ['c', 'gone']);
    expect(recent.map((choice) => choice.command.id)).toEqual(['c']);
    expect(others.map((choice) => choice.command.id)).toEqual(['a', 'b']);
  });

  it('filters by label, best first, and by keywords after that', () => {
    expect(filterCommands(commands, 'bold').others.map((choice) => choice.command.id)).toEqual(['b']);
    const find = filterCommands(commands, 'find').others;
    expect(find.map((choice) => choice.command.id)).toEqual(['c']);
    expect(find[0]!.ranges).toEqual([]);
    expect(filterCommands(commands, 'note').others[0]!.command.id).toBe('a');
  });
});

function Registered({ commands }: { commands: Command[] }) {
  useCommands(commands);
  return null;
}

describe('CommandPalette', () => {
  function setup(commands: Command[]) {
    const registry = new CommandRegistry();
    const onClose = vi.fn();
    render(
      <CommandRegistryContext.Provider value={registry}>
        <Registered commands={commands} />
        <CommandPalette onClose={onClose} />
      </CommandRegistryContext.Provider>,
    );
    const field = screen.getByRole('combobox', { name: 'Command palette' });
    return { registry, onClose, field };
  }

  it('lists every available command with its shortcut', () => {
    setup([
      { id: 'note.new', title: 'New note', group: 'Note', shortcut: ['Mod', 'N'], run: vi.fn() },
      {
        id: 'switcher.open',
        title: 'Quick switcher',
        group: 'Go',
        shortcut: ['Mod', 'O'],
        alternativeShortcuts: [['Mod', 'P']],
        run: vi.fn(),
      },
      { id: 'hidden', title: 'Not now', when: () => false, run: vi.fn() },
    ]);
    const options = screen.getAllByRole('option');
    // An option's name is all it shows, shortcuts included (label in name), the parts apart.
    // (jsdom's name computation drops the space that ends the group's span; browsers keep it.)
    expect(screen.getByRole('option', { name: /^Go: ?Quick switcher, Ctrl O Ctrl P$/ })).toBe(options[0]);
    expect(screen.getByRole('option', { name: /^Note: ?New note, Ctrl N$/ })).toBe(options[1]);
    expect(within(options[0]!).getAllByText('Ctrl')).toHaveLength(2);
  });

  it('filters as you type, marks the matched letters, and runs the chosen command with Enter', () => {
    const bold = vi.fn();
    const newNote = vi.fn();
    const { field, onClose, registry } = setup([
      { id: 'note.new', title: 'New note', group: 'Note', shortcut: ['Mod', 'N'], run: newNote },
      { id: 'editor.bold', title: 'Bold', group: 'Format', run: bold },
    ]);
    fireEvent.change(field, { target: { value: 'new n' } });
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect([...options[0]!.querySelectorAll('mark')].map((mark) => mark.textContent).join('')).toBe('Newn');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onClose).toHaveBeenCalledOnce();
    expect(newNote).toHaveBeenCalledOnce();
    expect(bold).not.toHaveBeenCalled();
    expect(registry.recentlyUsed()).toEqual(['note.new']);
  });

  it('moves with the arrows (wrapping), runs with a click, and closes on Escape', () => {
    const first = vi.fn();
    const second = vi.fn();
    const { field, onClose } = setup([
      { id: 'a', title: 'Alpha', run: first },
      { id: 'b', title: 'Beta', run: second },
    ]);
    fireEvent.keyDown(field, { key: 'ArrowUp' });
    expect(screen.getByRole('option', { name: 'Beta' }).getAttribute('aria-selected')).toBe('true');
    expect(field.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'Beta' }).id);
    fireEvent.keyDown(field, { key: 'ArrowDown' });
    expect(screen.getByRole('option', { name: 'Alpha' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('option', { name: 'Beta' }));
    expect(second).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();

    onClose.mockClear();
    cleanup();
    const again = setup([{ id: 'a', title: 'Alpha', run: first }]);
    fireEvent.keyDown(again.field, { key: 'Escape' });
    expect(again.onClose).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
  });

  it('says when nothing matches', () => {
    const { field } = setup([{ id: 'a', title: 'Alpha', run: vi.fn() }]);
    act(() => {
      fireEvent.change(field, { target: { value: 'zzz' } });
    });
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByText('No commands match “zzz”.')).toBeTruthy();
  });
});
