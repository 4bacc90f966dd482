/** Where a notebook lives and who hosts it; resolved by the host before the core starts. */
export interface NotebookConfig {
  /** Absolute path of the vault folder (the user's notes). Created if missing. */
  vaultPath: string;
  /** Folder holding the glossary entry files (`*.md`), read-only. */
  glossaryDir: string;
  /**
   * Folder for app state and caches, outside the vault (e.g. Electron's userData,
   * or ~/.config/study-notebook for the HTTP host). Created if missing.
   */
  stateDir: string;
  host: 'electron' | 'web';
  appVersion: string;
  /**
   * Moves a file to the system trash (the Electron host passes `shell.trashItem`).
   * Without it, deleted notes go to the vault's `.trash/` folder.
   */
  trashItem?: (absolutePath: string) => Promise<void>;
  /**
   * Opens a file with the system's app for it (the Electron host passes `shell.openPath`,
   * resolving to an error message, '' on success). Without it, openAttachment is refused
   * (the browser build downloads attachments instead).
   */
  openPath?: (absolutePath: string) => Promise<string>;
  /**
   * Shows a folder picker and resolves to the chosen folder, or null when the user
   * cancelled (the Electron host passes a `dialog.showOpenDialog` picker, shown by the
   * main process: the page never names the folder). Without it, `openVault({})` is
   * refused and the page can only switch to a known vault (see openVault).
   */
  pickFolder?: () => Promise<string | null>;
  /**
   * Folders the user named when starting the host (`npm run serve -- --allow-vault <dir>`),
   * which `openVault({ path })` accepts besides the vaults opened before. Absolute paths.
   */
  allowedVaults?: readonly string[];
}
