/** Facts about the running app, for the title bar and the About box. */
export interface AppInfo {
  name: string;
  version: string;
  /** Which host serves the contract: the Electron app or the local HTTP server. */
  host: 'electron' | 'web';
  /** Absolute path of the open vault folder. */
  vaultPath: string;
}
