import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures/app';
import { NotesPane } from '../pages/NotesPane';
import { SearchPanel } from '../pages/SearchPanel';

/** Enough notes that indexing them takes longer than the progress indicator's delay (1 s). */
const NOTES = 4000;
const WORDS = ['cortex', 'synapse', 'membrane', 'glucose', 'enzyme', 'neuron', 'receptor', 'protein', 'signal', 'cell'];

/** A deterministic note body of about 80 words. */
function body(n: number): string {
  const words: string[] = [];
  for (let i = 0; i < 80; i++) words.push(WORDS[(n * 7 + i * 3) % WORDS.length]!);
  return `# Note ${n}\n\n${words.join(' ')}.\n\nSee [[Note ${(n * 13) % NOTES}]].\n`;
}

test('a first start of a large vault lists the notes at once, shows indexing progress, then search answers', async ({
  notebook,
}) => {
  test.setTimeout(120_000);
  const page = await notebook.restart({
    beforeStart: () => {
      for (let n = 0; n < NOTES; n++) {
        const folder = join(notebook.vaultDir, `Course ${Math.floor(n / 500)}`);
        if (n % 500 === 0) mkdirSync(folder, { recursive: true });
        const text = n === NOTES - 1 ? `${body(n)}\nThe quokkalantern is only here.\n` : body(n);
        writeFileSync(join(folder, `Note ${String(n).padStart(4, '0')}.md`), text);
      }
      // A first start: no metadata, link or search cache for this vault yet.
      rmSync(join(notebook.stateDir, 'vaults'), { recursive: true, force: true });
    },
  });
  const notes = new NotesPane(page);
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  const progress = sidebar.getByTestId('vault-indexing');
  // The list is there while the vault is still being indexed in the background.
  await expect(notes.items.first()).toBeVisible({ timeout: 30_000 });
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect(progress).toContainText(/Indexing… [\d,]+ of [\d,]+ notes/);

  const search = new SearchPanel(page);
  await search.open();
  await search.search('quokkalantern');
  await expect(search.result('Note 3999')).toBeVisible({ timeout: 90_000 });
  await expect(progress).toBeHidden({ timeout: 90_000 });
});
