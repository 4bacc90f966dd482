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
 * View, Window and Help, built from Electron roles so shortcuts, localisation and
 * platform conventions come for free. Edit's roles are what make copy, paste and undo
 * shortcuts reach the editor on macOS at all.
 */
export function buildApplicationMenuTemplate(options: ApplicationMenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
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
      { label: 'New Note', accelerator: 'CmdOrCtrl+N', click: () => options.onCommand('new-note') },
      { label: 'Open Vault…', accelerator: 'CmdOrCtrl+Shift+O', click: () => options.onCommand('open-vault') },
      { type: 'separator' },
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
