import { expect, test } from '../fixtures/app';
import { LaunchPage } from '../pages/LaunchPage';
import { NotesPane } from '../pages/NotesPane';

test.beforeEach(({ host }) => {
  test.skip(host !== 'web', 'The launch address belongs to the browser build (npm run serve).');
});

test('the printed address opens the app once: its code leaves the address bar, and a reload keeps the session', async ({
  notebook,
}) => {
  const notes = new NotesPane(notebook.page);
  await expect(notes.list).toBeAttached();
  const code = new URLSearchParams(new URL(notebook.launchUrl).hash.slice(1)).get('code')!;
  expect(notebook.page.url()).toBe(new URL('/', notebook.launchUrl).href);
  // No script can read the session, and the page keeps nothing of the code.
  const stored = await notebook.page.evaluate(() => ({
    cookie: document.cookie,
    storage: JSON.stringify([{ ...sessionStorage }, { ...localStorage }]),
  }));
  expect(stored.cookie).toBe('');
  expect(stored.storage).not.toContain(code);

  await notebook.page.reload();
  await expect(notes.list).toBeAttached();
  expect(notebook.page.url()).not.toContain(code);
});

test('the same address used again (from history, in this browser or another) opens nothing and says why', async ({
  notebook,
  browser,
}) => {
  await expect(new NotesPane(notebook.page).list).toBeAttached();
  const elsewhere = await browser.newContext();
  try {
    for (const page of [await elsewhere.newPage(), await notebook.page.context().newPage()]) {
      const launch = new LaunchPage(page);
      await page.goto(notebook.launchUrl);
      await expect(launch.heading).toHaveText('This address was already used');
      await expect(launch.message).toContainText('press Enter in the terminal running npm run serve');
      expect(new URL(page.url()).hash).toBe('');
      await expect(launch.sidebar).toHaveCount(0);
    }
    // A page without a session, in another browser, reaches nothing.
    const stranger = new LaunchPage(elsewhere.pages()[0]!);
    expect(await stranger.callStatus('listNotes')).toBe(401);
    await stranger.page.goto(new URL('/', notebook.launchUrl).href);
    await expect(stranger.heading).toHaveText('Study Notebook can’t reach its notes');
  } finally {
    await elsewhere.close();
  }
});
