import type { EntrySummary } from '@shared/domain/glossary';

export interface WelcomeProps {
  entries: EntrySummary[];
  onOpenEntry(id: string): void;
  onCreateNote(): void;
}

/** The main view when nothing is open: what the app holds, one click away. */
export function Welcome({ entries, onOpenEntry, onCreateNote }: WelcomeProps) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to your study notebook</h1>
      <p>
        Write your own notes in plain Markdown beside a glossary of {entries.length} reference{' '}
        {entries.length === 1 ? 'entry' : 'entries'} you can read offline.
      </p>
      <button type="button" className="button button-primary" onClick={onCreateNote}>
        New note
      </button>
      <h2 className="welcome-subtitle">From the glossary</h2>
      <ul className="welcome-entries">
        {entries.slice(0, 5).map((entry) => (
          <li key={entry.id}>
            <button type="button" className="link-button" onClick={() => onOpenEntry(entry.id)}>
              {entry.title}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
