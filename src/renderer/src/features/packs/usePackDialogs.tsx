import type { PackSummary } from '@shared/domain/packs';
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useCommands } from '../../ui/commands/useCommands';

// In chunks of their own, loaded the first time a dialog opens (the first screen needs
// neither; app/lazyViews preloads them once it is up).
const loadAdd = () => import('./AddPackDialog').then((m) => ({ default: m.AddPackDialog }));
const loadManage = () => import('./ManagePacksDialog').then((m) => ({ default: m.ManagePacksDialog }));
const AddPackDialog = lazy(loadAdd);
const ManagePacksDialog = lazy(loadManage);

/** Fetches the pack dialogs' chunks (see preloadViews). */
export function loadPackDialogs(): Promise<unknown> {
  return Promise.all([loadAdd(), loadManage()]);
}

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
    <Suspense fallback={null}>
      {manage && (
        <ManagePacksDialog
          onAdd={openAdd}
          onReimport={(pack) => setAdd({ replace: pack })}
          onClose={() => setManage(false)}
        />
      )}
      {add && <AddPackDialog replace={add.replace} onClose={() => setAdd(null)} />}
    </Suspense>
  );
  return { openAdd, openManage, dialogs };
}
