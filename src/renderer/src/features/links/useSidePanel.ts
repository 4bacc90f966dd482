import type { NotebookClient } from '@shared/api/createClient';
import { useCallback, useState } from 'react';
import type { Shortcut } from '../../ui/shortcuts';
import { useCommands } from '../../ui/commands/useCommands';
import type { SideTab } from './SidePanel';

export const TOGGLE_BACKLINKS_SHORTCUT: Shortcut = ['Mod', 'Shift', 'B'];

export interface SidePanelState {
  /** Whether the backlinks panel is open (remembered per vault as `backlinksOpen`). */
  open: boolean;
  /** The tab last chosen. */
  tab: SideTab;
  setOpen(open: boolean): void;
  setTab(tab: SideTab): void;
}

/**
 * The side panel's open state, remembered per vault (WorkspaceState.backlinksOpen, open by
 * default so backlinks are found; read with the first screen's data, see loadStartup), and
 * the tab shown.
 */
export function useSidePanel(api: NotebookClient, initialTab: SideTab, initialOpen: boolean): SidePanelState {
  const [open, setOpenState] = useState(initialOpen);
  const [tab, setTab] = useState<SideTab>(initialTab);

  const setOpen = useCallback(
    (value: boolean) => {
      setOpenState(value);
      api.updateWorkspaceState({ patch: { backlinksOpen: value } }).catch(() => undefined);
    },
    [api],
  );

  return { open, tab, setOpen, setTab };
}

export interface LinkCommandActions {
  /** Whether a document is open in the main view. */
  docOpen: boolean;
  noteOpen: boolean;
  toggleBacklinks(): void;
  showOutgoing(): void;
  showUnresolved(): void;
}

/** The links commands of the palette: the backlinks panel, outgoing and unresolved links. */
export function useLinkCommands(actions: LinkCommandActions): void {
  useCommands([
    {
      id: 'links.toggleBacklinks',
      title: 'Toggle backlinks panel',
      group: 'View',
      shortcut: TOGGLE_BACKLINKS_SHORTCUT,
      keywords: ['linked mentions', 'side panel', 'references'],
      when: () => actions.docOpen,
      run: actions.toggleBacklinks,
    },
    {
      id: 'links.showOutgoing',
      title: 'Show outgoing links',
      group: 'View',
      keywords: ['links from this note'],
      when: () => actions.noteOpen,
      run: actions.showOutgoing,
    },
    {
      id: 'links.showUnresolved',
      title: 'Show unresolved links',
      group: 'View',
      keywords: ['missing notes', 'broken links', 'dangling'],
      run: actions.showUnresolved,
    },
  ]);
}
