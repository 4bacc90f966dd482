import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandRegistry, type Command } from './CommandRegistry';
import { dispatchShortcut, installShortcutDispatcher } from './shortcutDispatcher';

const command = (id: string, extra: Partial<Command> = {}): Command => ({ id, title: id, run: vi.fn(), ...extra });

function key(init: KeyboardEventInit & { key: string }, target: EventTarget = document.body): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'target', { value: target });
  return event;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('CommandRegistry', () => {
  it('lists commands by group then title, and forgets them when their registration ends', () => {
    const registry = new CommandRegistry();
    const offA = registry.register([
      command('b', { title: 'Beta', group: 'Note' }),
      command('a', { title: 'Alpha', group: 'Note' }),
    ]);
    const offC = registry.register(command('c', { title: 'Close', group: 'File' }));
    expect(registry.list().map((c) => c.id)).toEqual(['c', 'a', 'b']);
    offA();
    offA();
    expect(registry.list().map((c) => c.id)).toEqual(['c']);
    offC();
    expect(registry.list()).toEqual([]);
  });

  it('lets a later registration shadow an id until it goes away', () => {
    const registry = new CommandRegistry();
    const global = command('note.new', { title: 'New note' });
    const local = command('note.new', { title: 'New note here' });
    registry.register(global);
    const off = registry.register(local);
    expect(registry.get('note.new')).toBe(local);
    expect(registry.list()).toHaveLength(1);
    off();
    expect(registry.get('note.new')).toBe(global);
  });

  it('runs only available commands and keeps the palette history when asked', () => {
    const registry = new CommandRegistry();
    const hidden = command('hidden', { when: () => false });
    const shown = command('shown');
    registry.register([hidden, shown]);
    expect(registry.run('hidden')).toBe(false);
    expect(hidden.run).not.toHaveBeenCalled();
    expect(registry.run('missing')).toBe(false);
    expect(registry.run('shown')).toBe(true);
    expect(registry.recentlyUsed()).toEqual([]);
    registry.run('shown', { remember: true });
    expect(registry.recentlyUsed()).toEqual(['shown']);
    expect(registry.available().map((c) => c.id)).toEqual(['shown']);
  });

  it('reports a failing command without throwing at the caller', async () => {
    const registry = new CommandRegistry();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    registry.register([
      command('throws', {
        run: () => {
          throw new Error('boom');
        },
      }),
      command('rejects', { run: () => Promise.reject(new Error('later')) }),
    ]);
    expect(registry.run('throws')).toBe(true);
    expect(registry.run('rejects')).toBe(true);
    await Promise.resolve();
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('notifies subscribers when the set changes', () => {
    const registry = new CommandRegistry();
    const listener = vi.fn();
    const unsubscribe = registry.subscribe(listener);
    const off = registry.register(command('x'));
    off();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    registry.register(command('y'));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('dispatchShortcut', () => {
  function setup() {
    const registry = new CommandRegistry();
    const newNote = command('note.new', { shortcut: ['Mod', 'N'] });
    const switcher = command('switcher.open', { shortcut: ['Mod', 'O'], alternativeShortcuts: [['Mod', 'P']] });
    const help = command('help', { shortcut: ['?'] });
    const bold = command('editor.bold', { shortcut: ['Mod', 'B'], bindShortcut: false });
    const trash = command('note.trash', { shortcut: ['Mod', 'Backspace'], when: () => false });
    registry.register([newNote, switcher, help, bold, trash]);
    return { registry, newNote, switcher, help, bold, trash };
  }

  it('runs the command whose shortcut was pressed and consumes the key', () => {
    const { registry, newNote, switcher } = setup();
    const event = key({ key: 'n', ctrlKey: true });
    expect(dispatchShortcut(registry, event, false)).toBe(true);
    expect(newNote.run).toHaveBeenCalledOnce();
    expect(event.defaultPrevented).toBe(true);
    dispatchShortcut(registry, key({ key: 'p', ctrlKey: true }), false);
    dispatchShortcut(registry, key({ key: 'o', metaKey: true }), true);
    expect(switcher.run).toHaveBeenCalledTimes(2);
  });

  it('leaves alone keys already handled, other combinations, and display-only or unavailable commands', () => {
    const { registry, newNote, bold, trash } = setup();
    const handled = key({ key: 'n', ctrlKey: true });
    handled.preventDefault();
    expect(dispatchShortcut(registry, handled, false)).toBe(false);
    expect(dispatchShortcut(registry, key({ key: 'n', ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(newNote.run).not.toHaveBeenCalled();
    const boldKey = key({ key: 'b', ctrlKey: true });
    expect(dispatchShortcut(registry, boldKey, false)).toBe(false);
    expect(boldKey.defaultPrevented).toBe(false);
    expect(bold.run).not.toHaveBeenCalled();
    expect(dispatchShortcut(registry, key({ key: 'Backspace', ctrlKey: true }), false)).toBe(false);
    expect(trash.run).not.toHaveBeenCalled();
  });

  it('fires chords in text fields but never plain keys', () => {
    const { registry, newNote, help } = setup();
    const input = document.createElement('input');
    const editable = document.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    const inside = document.createElement('span');
    editable.append(inside);
    document.body.append(input, editable);
    expect(dispatchShortcut(registry, key({ key: '?' }, input), false)).toBe(false);
    expect(dispatchShortcut(registry, key({ key: '?' }, inside), false)).toBe(false);
    expect(help.run).not.toHaveBeenCalled();
    expect(dispatchShortcut(registry, key({ key: '?' }, document.body), false)).toBe(true);
    expect(help.run).toHaveBeenCalledOnce();
    expect(dispatchShortcut(registry, key({ key: 'n', ctrlKey: true }, input), false)).toBe(true);
    expect(dispatchShortcut(registry, key({ key: 'n', ctrlKey: true }, inside), false)).toBe(true);
    expect(newNote.run).toHaveBeenCalledTimes(2);
  });

  it('runs behind a modal dialog only the commands it allows', () => {
    const { registry, newNote, switcher } = setup();
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    expect(dispatchShortcut(registry, key({ key: 'n', ctrlKey: true }, dialog), false)).toBe(false);
    expect(dispatchShortcut(registry, key({ key: 'o', ctrlKey: true }, dialog), false)).toBe(false);
    dialog.setAttribute('data-allows-commands', 'palette.open switcher.open');
    expect(dispatchShortcut(registry, key({ key: 'o', ctrlKey: true }, dialog), false)).toBe(true);
    expect(dispatchShortcut(registry, key({ key: 'n', ctrlKey: true }, dialog), false)).toBe(false);
    expect(switcher.run).toHaveBeenCalledOnce();
    expect(newNote.run).not.toHaveBeenCalled();
  });

  it('consumes but does not repeat a held shortcut, and ignores IME compositions', () => {
    const { registry, newNote } = setup();
    const held = key({ key: 'n', ctrlKey: true, repeat: true });
    dispatchShortcut(registry, held, false);
    expect(held.defaultPrevented).toBe(true);
    dispatchShortcut(registry, key({ key: 'n', ctrlKey: true, isComposing: true }), false);
    expect(newNote.run).not.toHaveBeenCalled();
  });

  it('is installed as one window listener that widgets can pre-empt', () => {
    const registry = new CommandRegistry();
    const run = vi.fn();
    registry.register(command('note.new', { shortcut: ['Mod', 'N'], run }));
    const uninstall = installShortcutDispatcher(registry);
    const apple = /Mac|iPhone|iPad/.test(navigator.platform);
    const init = { key: 'n', ctrlKey: !apple, metaKey: apple, bubbles: true, cancelable: true };
    document.body.dispatchEvent(new KeyboardEvent('keydown', init));
    expect(run).toHaveBeenCalledOnce();
    const field = document.createElement('input');
    field.addEventListener('keydown', (event) => event.preventDefault());
    document.body.append(field);
    field.dispatchEvent(new KeyboardEvent('keydown', init));
    expect(run).toHaveBeenCalledOnce();
    uninstall();
    document.body.dispatchEvent(new KeyboardEvent('keydown', init));
    expect(run).toHaveBeenCalledOnce();
  });
});
