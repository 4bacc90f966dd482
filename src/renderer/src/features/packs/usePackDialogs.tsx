import type { PackSummary } from '@shared/domain/packs';
import { useCallback, useState, type ReactNode } from 'react';
import { useCommands } from '../../ui/commands/useCommands';
import { AddPackDialog } from './AddPackDialog';
import { ManagePacksDialog } from './ManagePacksDialog';

export interface PackDialogs {
  /** Opens "Add a reference pack". */
  openAdd(): void;
  /** Opens the list of packs (rename, hide, re-import, remove). */
  openManage(): void;
  /** The open dialogs, to render in the shell. */
  dialogs: ReactNode;
}

/**
 * The reference-pack dialogs and their commands ("Add reference pack…", "Manage reference
 * packs…" in the command palette; the desktop File menu runs the first). Adding or
 * re-importing from the list opens over it and returns to it.
 */
export function usePackDialogs(): PackDialogs {
  const [add, setAdd] = useState<{ replace?: PackSummary } | null>(null);
  const [manage, setManage] = useState(false);
  // Stable, so the memoized glossary list is not rendered again with every shell render.
  const openAdd = useCallback(() => setAdd({}), []);
  const openManage = useCallback(() => setManage(true), []);

  useCommands([
    {
      id: 'packs.add',
      title: 'Add reference pack…',
      group: 'Glossary',
      keywords: ['import', 'glossary', 'dictionary', 'csv', 'tsv', 'anki', 'quizlet', 'markdown'],
      run: openAdd,
    },
    {
      id: 'packs.manage',
      title: 'Manage reference packs…',
      group: 'Glossary',
      keywords: ['glossary', 'rename', 'hide', 'remove', 're-import'],
      run: openManage,
    },
  ]);

  const dialogs = (
    <>
      {manage && (
        <ManagePacksDialog
          onAdd={openAdd}
          onReimport={(pack) => setAdd({ replace: pack })}
          onClose={() => setManage(false)}
        />
      )}
      {add && <AddPackDialog replace={add.replace} onClose={() => setAdd(null)} />}
    </>
  );
  return { openAdd, openManage, dialogs };
}
