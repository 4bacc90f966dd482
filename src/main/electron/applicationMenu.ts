import type { MenuItemConstructorOptions } from 'electron';
import { Menu } from 'electron';
import type { AppCommand } from '@shared/api/NotebookApi';

/** Menu items that need the app rather than a built-in role: sent to the UI as 'app-command' events. */
export type MenuCommand = AppCommand;

export interface ApplicationMenuOptions {
  /** Shown as the macOS app menu title and in "About …". */
  appName: string;
  platform: NodeJS.Platform;
  /** Adds Reload and Toggle Developer Tools to View (development builds). */
  developerTools: boolean;
  /** Called when the user picks an app command. */
  onCommand: (command: MenuCommand) => void;
}

/**
 * The application menu as a template: the macOS app menu (on macOS only), File, Edit,
 * View, Go, Window and Help, built from Electron roles so shortcuts, localisation and
 * platform conventions come for free. Edit's roles are what make copy, paste and undo
 * shortcuts reach the editor on macOS at all.
 *
 * The app's own items show their shortcuts but do not register them: the page's one
 * shortcut dispatcher owns those keys, so a key does the same in the browser and the
 * desktop app, and it knows when not to act (behind an open dialog, Ctrl+N must not make
 * a note). A click on the item sends the command to the page, which runs the same thing.
 */
export function buildApplicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  const command = (label: string, accelerator: string | null, id: MenuCommand): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator, registerAccelerator: false } : {}),
    click: () => options.onCommand(id),
  });

  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        command('Settings…', 'CmdOrCtrl+,', 'settings'),
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: '&File',
    submenu: [
      command('New Note', 'CmdOrCtrl+N', 'new-note'),
      command('Open Vault…', 'CmdOrCtrl+Shift+O', 'open-vault'),
      { type: 'separator' },
      command('Add Reference Pack…', null, 'add-reference-pack'),
      { type: 'separator' },
      // On macOS, Settings… is in the app menu, where the platform puts it.
      ...(mac ? [] : [command('Settings…', 'CmdOrCtrl+,', 'settings'), { type: 'separator' } as const]),
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });

  template.push({ role: 'editMenu', label: '&Edit' });

  template.push({
    label: '&View',
    submenu: [
      ...(options.developerTools
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  template.push({
    label: '&Go',
    submenu: [
      command('Quick Switcher…', 'CmdOrCtrl+O', 'quick-switcher'),
      command('Search Notes and Glossary…', 'CmdOrCtrl+Shift+F', 'search'),
      { type: 'separator' },
      command('Command Palette…', 'CmdOrCtrl+Shift+P', 'command-palette'),
    ],
  });

  template.push({ role: 'windowMenu', label: '&Window' });

  template.push({
    role: 'help',
    label: '&Help',
    submenu: mac ? [] : [{ role: 'about', label: `About ${options.appName}` }],
  });

  return template;
}

/** Builds and installs the application menu. Returns its own cleanup, which removes it. */
export function installApplicationMenu(options: ApplicationMenuOptions): () => void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildApplicationMenuTemplate(options)));
  return () => Menu.setApplicationMenu(null);
}
