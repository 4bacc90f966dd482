import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../api/testing/fakeClient';
import { CommandRegistry } from '../../ui/commands/CommandRegistry';
import { dispatchShortcut } from '../../ui/commands/shortcutDispatcher';
import { CommandRegistryContext } from '../../ui/commands/useCommands';
import { useShellCommands, type ShellActions } from './useShellCommands';

afterEach(cleanup);

function Shell(props: { api: ReturnType<typeof fakeClient>; actions: ShellActions }) {
  useShellCommands(props.api, props.actions);
  return null;
}

function setup(overrides: Partial<ShellActions> = {}) {
  const registry = new CommandRegistry();
  const api = fakeClient();
  const actions: ShellActions = {
    newNote: vi.fn(),
    openSearch: vi.fn(),
    openQuickSwitcher: vi.fn(),
    openCommandPalette: vi.fn(),
    openVault: vi.fn(),
    openSettings: vi.fn(),
    noteOpen: false,
    referenceOpen: false,
    closeReference: vi.fn(),
    ...overrides,
  };
  const view = render(
    <CommandRegistryContext.Provider value={registry}>
      <Shell api={api} actions={actions} />
    </CommandRegistryContext.Provider>,
  );
  const rerender = (next: Partial<ShellActions>) =>
    view.rerender(
      <CommandRegistryContext.Provider value={registry}>
        <Shell api={api} actions={{ ...actions, ...next }} />
      </CommandRegistryContext.Provider>,
    );
  return { registry, api, actions, rerender };
}

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { cancelable: true, ...init });

describe('useShellCommands', () => {
  it('binds the app shortcuts: new note, search, switcher (two keys), palette, vault', () => {
    const { registry, actions } = setup();
    dispatchShortcut(registry, key({ key: 'n', ctrlKey: true }), false);
    dispatchShortcut(registry, key({ key: 'F', ctrlKey: true, shiftKey: true }), false);
    dispatchShortcut(registry, key({ key: 'o', ctrlKey: true }), false);
    dispatchShortcut(registry, key({ key: 'p', ctrlKey: true }), false);
    dispatchShortcut(registry, key({ key: 'P', ctrlKey: true, shiftKey: true }), false);
    dispatchShortcut(registry, key({ key: 'O', ctrlKey: true, shiftKey: true }), false);
    expect(actions.newNote).toHaveBeenCalledOnce();
    expect(actions.openSearch).toHaveBeenCalledOnce();
    expect(actions.openQuickSwitcher).toHaveBeenCalledTimes(2);
    expect(actions.openCommandPalette).toHaveBeenCalledOnce();
    expect(actions.openVault).toHaveBeenCalledOnce();
  });

  it('runs the desktop menu’s commands through the registry', () => {
    const { api, actions } = setup();
    act(() => api.emit('app-command', { command: 'new-note' }));
    act(() => api.emit('app-command', { command: 'open-vault' }));
    act(() => api.emit('app-command', { command: 'search' }));
    act(() => api.emit('app-command', { command: 'quick-switcher' }));
    act(() => api.emit('app-command', { command: 'command-palette' }));
    expect(actions.newNote).toHaveBeenCalledOnce();
    expect(actions.openVault).toHaveBeenCalledOnce();
    expect(actions.openSearch).toHaveBeenCalledOnce();
    expect(actions.openQuickSwitcher).toHaveBeenCalledOnce();
    expect(actions.openCommandPalette).toHaveBeenCalledOnce();
  });

  it('offers the note and pane commands only when they apply, calling the latest actions', () => {
    const { registry, rerender } = setup();
    const ids = () => registry.available().map((command) => command.id);
    expect(ids()).not.toContain('reference.close');
    expect(ids()).not.toContain('note.trash');
    const closeReference = vi.fn();
    rerender({ referenceOpen: true, closeReference });
    expect(ids()).toContain('reference.close');
    registry.run('reference.close');
    expect(closeReference).toHaveBeenCalledOnce();
  });
});
