import { expect, test } from '../fixtures/app';
import { LARGE_VAULT_NOTES, writeLargeVault } from '../fixtures/largeVault';
import { NotesPane } from '../pages/NotesPane';
import { SearchPanel } from '../pages/SearchPanel';

test('a first start of a large vault lists the notes at once, shows indexing progress, then search answers', async ({
  notebook,
}) => {
  test.setTimeout(120_000);
  // A first start: no metadata, link or search cache for this vault yet.
  const page = await notebook.restart({
    beforeStart: () => writeLargeVault(notebook.vaultDir, notebook.stateDir, 'The quokkalantern is only here.'),
  });
  const notes = new NotesPane(page);
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  const progress = sidebar.getByTestId('vault-indexing');
  // The list is there while the vault is still being indexed in the background.
  await expect(notes.items.first()).toBeVisible({ timeout: 30_000 });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText(/Indexing… [\d,]+ of [\d,]+ notes/);
  // It counts the vault's notes as notes: the glossary's entries, which search reads too, are not among them.
  const shownTotal = async () => {
    const [, total] = /of ([\d,]+) notes/.exec((await progress.textContent()) ?? '') ?? [];
    return Number(total?.replaceAll(',', ''));
  };
  await expect.poll(shownTotal).toBeLessThanOrEqual(LARGE_VAULT_NOTES);

  const search = new SearchPanel(page);
  await search.open();
  await search.search('quokkalantern');
  await expect(search.result(`Note ${LARGE_VAULT_NOTES - 1}`)).toBeVisible({ timeout: 90_000 });
  await expect(progress).toBeHidden({ timeout: 90_000 });
});
