import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';
import { guardPage } from '../fixtures/injectionGuard';
import { startTrap, type TrapServer } from '../fixtures/trapServer';

/**
 * Pins the browser behaviour that pasting and the injection guard rely on, so that the next
 * Chromium that changes it is noticed here rather than as a mysterious failure elsewhere:
 *
 * - HTML parsed by DOMParser lands in an inert document: its handlers never run and its
 *   images are never requested (src/renderer/src/editor/clipboardHtml.ts parses pastes so).
 * - Chromium (156 and later) still reports each inline handler it parses there, once, as a
 *   `script-src-attr` violation of the page's CSP, blocked URI `inline`, from the source
 *   location of the parse call. That is the one kind of report e2e/fixtures/injectionGuard.ts
 *   excuses, and only from its own parse call; anything reaching the page still fails.
 */

/** What one securitypolicyviolation report says, as the tests compare it. */
interface Report {
  violatedDirective: string;
  effectiveDirective: string;
  blockedURI: string;
  disposition: string;
  sample: string;
  site: string;
}

/** Handler attributes in HOSTILE: one report each is expected. */
const HANDLERS = 4;

function hostile(trap: TrapServer): string {
  return (
    `<img src="${trap.url}/inert.png" onerror="window.__canary='img'">` +
    `<details open ontoggle="window.__canary='details'"><summary>s</summary>d</details>` +
    `<svg onload="window.__canary='svg'"></svg>` +
    `<p onclick="window.__canary='p'" style="background:url(${trap.url}/bg.png)">text</p>`
  );
}

declare global {
  interface Window {
    __pin?: { reports: Report[]; mark(): void };
  }
}

const NOTHING_REPORTED =
  'Chromium reported nothing for a handler parsed in an inert document. If that is the new behaviour, ' +
  'the excuse for such reports in e2e/fixtures/injectionGuard.ts is no longer needed: remove it and this pin.';

/**
 * Records the page's CSP reports. Reports arrive in later tasks, in order; a marker parse
 * (one handler) made after a parse says when all of that parse's reports have arrived. The
 * marker's source location is learnt first: a first parse of one handler from another
 * place, then the marker, whose report is the first from a new location. Resolves with the
 * marker's location, checking on the way that one handler is reported once.
 */
async function recordReports(page: Page): Promise<string> {
  await page.evaluate(() => {
    const reports: Report[] = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      reports.push({
        violatedDirective: event.violatedDirective,
        effectiveDirective: event.effectiveDirective,
        blockedURI: event.blockedURI,
        disposition: event.disposition,
        sample: event.sample,
        site: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      }),
    );
    const first = () => {
      new DOMParser().parseFromString('<i onclick="">first</i>', 'text/html');
    };
    const mark = () => {
      new DOMParser().parseFromString('<i onclick="">marker</i>', 'text/html');
    };
    window.__pin = { reports, mark };
    first();
    mark();
  });
  const sites = async () => (await reports(page)).map((r) => r.site);
  await expect.poll(async () => (await sites()).length, { message: NOTHING_REPORTED }).toBeGreaterThan(0);
  const first = (await sites())[0]!;
  await expect
    .poll(async () => (await sites()).some((site) => site !== first), { message: NOTHING_REPORTED })
    .toBe(true);
  const all = await sites();
  expect(
    all.filter((site) => site === first),
    'one report per handler parsed (two would mean the CSP is delivered twice)',
  ).toHaveLength(1);
  return all.find((site) => site !== first)!;
}

function reports(page: Page): Promise<Report[]> {
  return page.evaluate(() => window.__pin?.reports ?? []);
}

test.describe('HTML parsed in an inert document (DOMParser), as pastes are', () => {
  let trap: TrapServer;
  test.beforeEach(async () => {
    trap = await startTrap();
  });
  test.afterEach(async () => {
    await trap.close();
  });

  test('runs and loads nothing, and Chromium reports each parsed handler once, in the shape the guard excuses', async ({
    notebook,
  }) => {
    const page = notebook.page;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const marker = await recordReports(page);
    await page.evaluate((html) => {
      const parsed = new DOMParser().parseFromString(html, 'text/html');
      // Open <details> would toggle and an <img> would load in the page: not here.
      if (parsed.querySelector('img') === null) throw new Error('the image was not parsed');
      window.__pin!.mark();
    }, hostile(trap));
    await expect
      .poll(async () => (await reports(page)).filter((r) => r.site === marker).length, { message: NOTHING_REPORTED })
      .toBe(2);
    // After the first marker, before the second: the hostile parse's reports.
    const all = await reports(page);
    const parsed = all.slice(all.findIndex((r) => r.site === marker) + 1).filter((r) => r.site !== marker);

    expect(parsed, 'one report per handler parsed').toHaveLength(HANDLERS);
    const site = parsed[0]!.site;
    for (const report of parsed) {
      expect(report).toEqual({
        violatedDirective: 'script-src-attr',
        effectiveDirective: 'script-src-attr',
        blockedURI: 'inline',
        disposition: 'enforce',
        // The policy has no 'report-sample'.
        sample: '',
        // All from the parse call.
        site,
      });
    }
    expect(await page.evaluate(() => window.__canary ?? null)).toBeNull();
    expect(trap.hits).toEqual([]);
    expect(requests.filter((url) => url.startsWith(trap.url))).toEqual([]);
  });

  test('the guard excuses exactly those reports and still fails on anything that reaches the page', async ({
    notebook,
  }) => {
    const page = notebook.page;
    const guard = await guardPage(page);

    // Parsed through DOMParser, as the app does: excused, one report per handler, no more.
    await page.evaluate((html) => {
      (window as { __parsed?: Document }).__parsed = new DOMParser().parseFromString(html, 'text/html');
    }, hostile(trap));
    await guard.assertNothingRan('an inert parse');
    expect(await guard.inertParsing()).toEqual({ reports: HANDLERS, handlers: HANDLERS });

    // The same nodes adopted by the page (as the old large-paste code did): caught, though
    // the CSP stops the handlers, and the image request with them.
    await page.evaluate(() => {
      const parsed = (window as { __parsed?: Document }).__parsed!;
      document.createElement('div').append(...Array.from(parsed.body.childNodes));
    });
    await expect(guard.assertNothingRan('adopted nodes')).rejects.toThrow(
      /adopted into the page from another document/,
    );
    expect(trap.hits).toEqual([]);
  });

  test('the guard excuses no other parse and no handler set in the page', async ({ notebook }) => {
    const page = notebook.page;
    const guard = await guardPage(page);
    // An inert parse the app never makes (not DOMParser): its report is not excused.
    await page.evaluate(() => {
      const parse = (Document as unknown as { parseHTMLUnsafe?: (html: string) => Document }).parseHTMLUnsafe;
      if (parse === undefined) throw new Error('Document.parseHTMLUnsafe is missing');
      parse('<b onclick="window.__canary=1">x</b>');
    });
    await expect(guard.assertNothingRan('another parser')).rejects.toThrow(/script-src-attr blocked inline at /);
  });

  test('the guard catches a handler set on an element of the page', async ({ notebook }) => {
    const page = notebook.page;
    const guard = await guardPage(page);
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__canary=1');
      document.body.append(button);
      button.remove();
    });
    await expect(guard.assertNothingRan('a handler in the page')).rejects.toThrow(
      /inserted into the page: <button> event handler onclick/,
    );
  });
});
