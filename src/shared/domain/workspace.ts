/**
 * What the app remembers between starts for one vault: which document was open and
 * how the panes were arranged. Every field is optional so older files stay readable.
 */
export interface WorkspaceState {
  /** The glossary entry last shown in the reader, restored on the next start. */
  lastEntryId?: string | null;
  /** Sidebar width in CSS pixels. */
  sidebarWidth?: number;
}

/** Default sidebar width, used when nothing was stored. */
export const DEFAULT_SIDEBAR_WIDTH = 280;
