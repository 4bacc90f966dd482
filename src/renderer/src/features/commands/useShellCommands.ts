import type { NotebookClient } from '@shared/api/createClient';
import type { AppCommand } from '@shared/api/NotebookApi';
import { useEffect } from 'react';
import { useCommandRegistry, useCommands } from '../../ui/commands/useCommands';

/** What the shell can do, for its commands. */
export interface ShellActions {
  newNote(): void;
  openSearch(): void;
  openQuickSwitcher(): void;
  openCommandPalette(): void;
  openVault(): void;
  openSettings(): void;
  /** Whether a note is open in the main view. */
  noteOpen: boolean;
  /** Whether the reference pane is showing beside the note. */
  referenceOpen: boolean;
  closeReference(): void;
}

/** The commands that open the pickers: their shortcuts switch from one picker to the other. */
export const PICKER_COMMAND_IDS = ['switcher.open', 'palette.open'] as const;

/** The registry command each menu command (Electron's 'app-command' event) runs. */
export const APP_COMMAND_IDS: Record<AppCommand, string> = {
  'new-note': 'note.new',
  'open-vault': 'vault.open',
  search: 'search.open',
  'quick-switcher': 'switcher.open',
  'command-palette': 'palette.open',
  'add-reference-pack': 'packs.add',
  settings: 'settings.open',
};

/*
 * Rename and trash belong to the open note's view, which has no commands of its own yet:
 * until it registers them itself (useCommands in NoteView), they act through its controls,
 * found by their accessible names, so the view's own flow (confirmation, saving first) runs.
 */
function noteTitleField(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('.note-view input[aria-label="Note title"]');
}

function trashButton(): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>('.note-view button[aria-label="Move note to trash"]');
}

/**
 * Registers the application's own commands (new note, search, switcher, palette, vault,
 * panes, the open note) and routes the desktop menu's commands through the registry, so a
 * menu item and its shortcut always do the same thing.
 */
export function useShellCommands(api: NotebookClient, actions: ShellActions): void {
  useCommands([
    {
      id: 'note.new',
      title: 'New note',
      group: 'Note',
      shortcut: ['Mod', 'N'],
      keywords: ['create', 'add'],
      run: actions.newNote,
    },
    {
      id: 'note.rename',
      title: 'Rename note',
      group: 'Note',
      keywords: ['title'],
      when: () => actions.noteOpen && noteTitleField() !== null && !noteTitleField()!.readOnly,
      run: () => {
        const field = noteTitleField();
        field?.focus();
        field?.select();
      },
    },
    {
      id: 'note.trash',
      title: 'Move note to trash',
      group: 'Note',
      keywords: ['delete', 'remove'],
      when: () => actions.noteOpen && trashButton() !== null,
      run: () => trashButton()?.click(),
    },
    {
      id: 'search.open',
      title: 'Search notes and glossary',
      group: 'Go',
      shortcut: ['Mod', 'Shift', 'F'],
      keywords: ['find', 'full text'],
      run: actions.openSearch,
    },
    {
      id: 'switcher.open',
      title: 'Quick switcher: open a note or entry',
      group: 'Go',
      shortcut: ['Mod', 'O'],
      alternativeShortcuts: [['Mod', 'P']],
      keywords: ['go to', 'jump', 'file'],
      run: actions.openQuickSwitcher,
    },
    {
      id: 'palette.open',
      title: 'Show all commands',
      group: 'Go',
      shortcut: ['Mod', 'Shift', 'P'],
      keywords: ['command palette'],
      run: actions.openCommandPalette,
    },
    {
      id: 'vault.open',
      title: 'Open vault…',
      group: 'Vault',
      // The desktop menu's accelerator for the same item.
      shortcut: ['Mod', 'Shift', 'O'],
      keywords: ['folder', 'switch'],
      run: actions.openVault,
    },
    {
      id: 'settings.open',
      title: 'Settings…',
      group: 'App',
      shortcut: ['Mod', ','],
      keywords: ['preferences', 'options', 'highlights folder'],
      run: actions.openSettings,
    },
    {
      id: 'reference.close',
      title: 'Close reference pane',
      group: 'View',
      when: () => actions.referenceOpen,
      run: actions.closeReference,
    },
  ]);

  const registry = useCommandRegistry();
  useEffect(
    () =>
      api.on('app-command', ({ command }) => {
        const id = APP_COMMAND_IDS[command];
        if (id) registry.run(id);
      }),
    [api, registry],
  );
}
