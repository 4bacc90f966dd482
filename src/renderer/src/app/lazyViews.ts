import { lazy } from 'react';
import { loadPackDialogs } from '../features/packs/usePackDialogs';

/**
 * What the first screen does not show, in chunks of their own (dynamic `import()`), so the
 * page parses less before the sidebar's first rows (issue #15): the note editor (Lexical,
 * its plugins, the Markdown converter, front-matter YAML), the pickers and the dialogs (the pack dialogs: see usePackDialogs).
 * Each loads the first time it is rendered; {@link preloadViews} fetches them all once
 * the first screen is up, so opening one later rarely waits for its chunk.
 */
const loaders = {
  NoteView: () => import('../features/notes/NoteView').then((m) => ({ default: m.NoteView })),
  QuickSwitcher: () => import('../features/switcher/QuickSwitcher').then((m) => ({ default: m.QuickSwitcher })),
  CommandPalette: () => import('../features/commands/CommandPalette').then((m) => ({ default: m.CommandPalette })),
  UnresolvedLinksDialog: () =>
    import('../features/links/UnresolvedLinksDialog').then((m) => ({ default: m.UnresolvedLinksDialog })),
  OpenVaultDialog: () => import('../features/vault/OpenVaultDialog').then((m) => ({ default: m.OpenVaultDialog })),
  SettingsDialog: () => import('../features/settings/SettingsDialog').then((m) => ({ default: m.SettingsDialog })),
  packDialogs: loadPackDialogs,
};

export const NoteView = lazy(loaders.NoteView);
export const QuickSwitcher = lazy(loaders.QuickSwitcher);
export const CommandPalette = lazy(loaders.CommandPalette);
export const UnresolvedLinksDialog = lazy(loaders.UnresolvedLinksDialog);
export const OpenVaultDialog = lazy(loaders.OpenVaultDialog);
export const SettingsDialog = lazy(loaders.SettingsDialog);

let preloading: Promise<unknown> | null = null;

/**
 * Fetches every chunk above (once), when the browser is idle after the first screen's frame; the
 * editor first, as it is the one most likely to be wanted next. Resolves when all are loaded.
 */
export function preloadViews(): Promise<unknown> {
  preloading ??= new Promise<void>((resolve) => {
    const idle = (window as { requestIdleCallback?: (run: () => void, options?: { timeout: number }) => number })
      .requestIdleCallback;
    // After the first screen's frame (its rows painted), then when the page is idle.
    requestAnimationFrame(() =>
      setTimeout(() => (idle ? idle(() => resolve(), { timeout: 1000 }) : setTimeout(resolve, 50)), 0),
    );
  }).then(() =>
    loaders
      .NoteView()
      .then(() => Promise.all(Object.values(loaders).map((load) => load())))
      .catch(() => undefined),
  );
  return preloading;
}
