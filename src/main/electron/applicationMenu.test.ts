import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplicationMenuOptions } from './applicationMenu';
import { buildApplicationMenuTemplate, installApplicationMenu } from './applicationMenu';
import { fakeElectron, resetFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);

function options(overrides: Partial<ApplicationMenuOptions> = {}): ApplicationMenuOptions {
  return { appName: 'Study Notebook', platform: 'linux', developerTools: false, onCommand: vi.fn(), ...overrides };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const labels = (template: MenuItemConstructorOptions[]) => template.map((item) => item.label?.replace('&', ''));
const roles = (template: MenuItemConstructorOptions[]) => flatten(template).map((item) => item.role);

describe('buildApplicationMenuTemplate', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux', () => {
    expect(labels(buildApplicationMenuTemplate(options()))).toEqual(['File', 'Edit', 'View', 'Go', 'Window', 'Help']);
  });

  it('puts the app menu first on macOS', () => {
    const template = buildApplicationMenuTemplate(options({ platform: 'darwin' }));
    expect(labels(template)).toEqual(['Study Notebook', 'File', 'Edit', 'View', 'Go', 'Window', 'Help']);
    expect(roles(template)).toContain('quit');
  });

  it('puts Settings… in the app menu on macOS and in File elsewhere', () => {
    const mac = buildApplicationMenuTemplate(options({ platform: 'darwin' }));
    expect(flatten([mac[0]!]).some((item) => item.label === 'Settings…')).toBe(true);
    expect(flatten([mac.find((item) => item.label === '&File')!]).some((item) => item.label === 'Settings…')).toBe(
      false,
    );
    const linux = buildApplicationMenuTemplate(options({ platform: 'linux' }));
    expect(flatten([linux.find((item) => item.label === '&File')!]).some((item) => item.label === 'Settings…')).toBe(
      true,
    );
  });

  it('uses the Edit menu role so copy, paste and undo reach the editor', () => {
    expect(roles(buildApplicationMenuTemplate(options()))).toContain('editMenu');
  });

  it('sends open-vault when File › Open Vault… is clicked', () => {
    const onCommand = vi.fn();
    const item = flatten(buildApplicationMenuTemplate(options({ onCommand }))).find((i) => i.label === 'Open Vault…');
    expect(item).toBeDefined();
    (item?.click as () => void)();
    expect(onCommand).toHaveBeenCalledWith('open-vault');
  });

  it('sends add-reference-pack when File › Add Reference Pack… is clicked', () => {
    const onCommand = vi.fn();
    const file = buildApplicationMenuTemplate(options({ onCommand })).find((i) => i.label === '&File');
    const item = flatten([file!]).find((i) => i.label === 'Add Reference Pack…');
    (item?.click as () => void)();
    expect(onCommand).toHaveBeenCalledWith('add-reference-pack');
  });

  it.each([
    ['New Note', 'CmdOrCtrl+N', 'new-note'],
    ['Open Vault…', 'CmdOrCtrl+Shift+O', 'open-vault'],
    ['Quick Switcher…', 'CmdOrCtrl+O', 'quick-switcher'],
    ['Search Notes and Glossary…', 'CmdOrCtrl+Shift+F', 'search'],
    ['Command Palette…', 'CmdOrCtrl+Shift+P', 'command-palette'],
    ['Settings…', 'CmdOrCtrl+,', 'settings'],
  ])('shows %s with %s, leaves the key to the page, and sends %s when clicked', (label, accelerator, command) => {
    const onCommand = vi.fn();
    const item = flatten(buildApplicationMenuTemplate(options({ onCommand }))).find((i) => i.label === label);
    expect(item?.accelerator).toBe(accelerator);
    // The page's shortcut dispatcher owns the key (it knows when a dialog is open).
    expect(item?.registerAccelerator).toBe(false);
    (item?.click as () => void)();
    expect(onCommand).toHaveBeenCalledWith(command);
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(buildApplicationMenuTemplate(options()))).not.toContain('toggleDevTools');
    expect(roles(buildApplicationMenuTemplate(options()))).not.toContain('reload');
    expect(roles(buildApplicationMenuTemplate(options({ developerTools: true })))).toContain('toggleDevTools');
  });
});

describe('installApplicationMenu', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('installs the menu and its cleanup removes it', () => {
    const release = installApplicationMenu(options());
    expect(fakeElectron.Menu.current).not.toBeNull();
    release();
    expect(fakeElectron.Menu.current).toBeNull();
  });
});
