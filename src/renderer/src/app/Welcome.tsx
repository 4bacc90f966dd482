import type { EntrySummary } from '@shared/domain/glossary';

/** The first screen before anything was opened: what the app holds, one click away. */
export function Welcome({ entries, onOpen }: { entries: EntrySummary[]; onOpen(id: string): void }) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to your study notebook</h1>
      <p>
        The glossary holds {entries.length} reference {entries.length === 1 ? 'entry' : 'entries'} you can read offline.
        Pick one in the sidebar, or start here:
      </p>
      <ul className="welcome-entries">
        {entries.slice(0, 5).map((entry) => (
          <li key={entry.id}>
            <button type="button" className="link-button" onClick={() => onOpen(entry.id)}>
              {entry.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
