import type { Locator, Page } from '@playwright/test';

/** What the browser build shows a page that has no session with `npm run serve`. */
export class LaunchPage {
  /** The explanation shown instead of the app. */
  readonly message: Locator;
  readonly heading: Locator;
  /** The app's own sidebar: present only when the page reached the notes. */
  readonly sidebar: Locator;

  constructor(readonly page: Page) {
    this.message = page.getByRole('alert');
    this.heading = this.message.getByRole('heading');
    this.sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  }

  /** The status of a contract call the page makes itself, as a script in it could. */
  callStatus(method: string, args: unknown = null): Promise<number> {
    return this.page.evaluate(
      async ({ method, args }) =>
        (
          await fetch('/api/call', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ method, args }),
          })
        ).status,
      { method, args },
    );
  }
}
