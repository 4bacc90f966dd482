/** How long to wait for the entry to be shown before giving up. */
const WAIT_MS = 3000;

/**
 * Scrolls the glossary entry shown beside the note (or in the main view) to its section
 * called `heading` — what `[[Entry#Heading]]` points at — once the entry has loaded.
 * Headings are compared ignoring case and spacing.
 */
export function revealEntrySection(entryId: string, heading: string): void {
  const wanted = heading.trim().replace(/\s+/g, ' ').toLowerCase();
  const started = performance.now();
  const look = () => {
    const article = document.querySelector<HTMLElement>(`article[data-entry-id="${CSS.escape(entryId)}"]`);
    const section = article
      ? [...article.querySelectorAll<HTMLElement>('section[aria-label]')].find(
          (element) => element.getAttribute('aria-label')!.trim().replace(/\s+/g, ' ').toLowerCase() === wanted,
        )
      : undefined;
    if (section) {
      section.scrollIntoView({ block: 'start' });
      return;
    }
    if (performance.now() - started < WAIT_MS) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
