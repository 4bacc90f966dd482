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
}
