import type { PackSummary, PackUpdate } from '@shared/domain/packs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NotebookApi } from '@shared/api/NotebookApi';
import { ApiProvider } from '../../api/ApiContext';
import { fakeClient } from '../../api/testing/fakeClient';
import { ManagePacksDialog } from './ManagePacksDialog';

beforeAll(() => {
  // jsdom has <dialog> without showModal.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
afterEach(cleanup);

const PACK: PackSummary = {
  id: 'words',
  name: 'Words',
  source: { name: 'words.csv', format: 'csv' },
  entryCount: 41,
  skippedCount: 0,
  importedAt: '2026-01-01T00:00:00.000Z',
  hidden: false,
  builtIn: false,
};

function show(links: number, linkUpdates: PackUpdate['linkUpdates'] = null) {
  const updatePack = vi.fn<NotebookApi['updatePack']>(async ({ name }) => ({ ...PACK, name: name!, linkUpdates }));
  const countLinksToPack = vi.fn(async () => ({ links, notes: links > 0 ? 1 : 0 }));
  const api = fakeClient({ listPacks: async () => [PACK], updatePack, countLinksToPack });
  render(
    <ApiProvider client={api}>
      <ManagePacksDialog onAdd={vi.fn()} onReimport={vi.fn()} onClose={vi.fn()} />
    </ApiProvider>,
  );
  return { updatePack, countLinksToPack };
}

async function renameTo(name: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Rename Words' }));
  const field = screen.getByRole('textbox', { name: 'New name for Words' });
  fireEvent.change(field, { target: { value: name } });
  fireEvent.keyDown(field, { key: 'Enter' });
}

describe('renaming a pack that notes name like a folder', () => {
  it('asks, and updates the links on yes, saying how many', async () => {
    const { updatePack } = show(3, { updated: [{ path: 'A.md', links: 3 }], failed: [] });
    await renameTo('Lexicon');
    const ask = await screen.findByRole('dialog', { name: 'Update 3 links in 1 note?' });
    fireEvent.click(within(ask).getByRole('button', { name: 'Update links' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Renamed “Words” to “Lexicon”. Updated 3 links in 1 note.'),
    );
    expect(updatePack).toHaveBeenCalledWith({ id: 'words', name: 'Lexicon', updateLinks: true });
  });

  it('still renames, without touching links, on no; Cancel keeps the name', async () => {
    const { updatePack } = show(2);
    await renameTo('Lexicon');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: /^Update/ })).toBeNull();
    expect(updatePack).not.toHaveBeenCalled();
    await renameTo('Lexicon');
    fireEvent.click(await screen.findByRole('button', { name: 'Don’t update' }));
    await waitFor(() => expect(updatePack).toHaveBeenCalledWith({ id: 'words', name: 'Lexicon' }));
  });

  it('asks nothing when no link names the pack, or only the case changes', async () => {
    const { updatePack, countLinksToPack } = show(0);
    await renameTo('Lexicon');
    await waitFor(() => expect(updatePack).toHaveBeenCalledWith({ id: 'words', name: 'Lexicon' }));
    cleanup();
    const again = show(5);
    await renameTo('WORDS');
    await waitFor(() => expect(again.updatePack).toHaveBeenCalledWith({ id: 'words', name: 'WORDS' }));
    expect(again.countLinksToPack).not.toHaveBeenCalled();
    expect(countLinksToPack).toHaveBeenCalledTimes(1);
  });
});
