import type { DocRef } from './docRef';

/**
 * What the app remembers between starts for one vault: which document was open and
 * how the panes were arranged. Every field is optional so older files stay readable;
 * a field set to null in an update is cleared.
 */
export interface WorkspaceState {
  /** The document in the main view, restored on the next start. */
  lastOpened?: DocRef | null;
  /** The glossary entry open in the reference pane beside a note. */
  referenceEntryId?: string | null;
  /** Sidebar width in CSS pixels. */
  sidebarWidth?: number;
  /** Reference pane width in CSS pixels. */
  referenceWidth?: number;
  /** Documents opened recently, most recent first (the quick switcher lists them first). */
  recent?: DocRef[];
  /** Whether the backlinks panel beside the document is open. */
  backlinksOpen?: boolean;
}

/** Default sidebar width, used when nothing was stored. */
export const DEFAULT_SIDEBAR_WIDTH = 280;

/** Default reference pane width, used when nothing was stored. */
export const DEFAULT_REFERENCE_WIDTH = 420;
