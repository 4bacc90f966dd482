import type { EntrySummary } from '@shared/domain/glossary';
import { withThousands } from '../ui/formatCount';

export interface WelcomeProps {
  /** The glossary's size and its first entries. */
  glossary: { all: number; first: EntrySummary[] };
  onOpenEntry(id: string): void;
  onCreateNote(): void;
}

/** The main view when nothing is open: what the app holds, one click away. */
export function Welcome({ glossary, onOpenEntry, onCreateNote }: WelcomeProps) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Welcome to your study notebook</h1>
      <p>
        Write your own notes in plain Markdown beside a glossary of {withThousands(glossary.all)} reference{' '}
        {glossary.all === 1 ? 'entry' : 'entries'} you can read offline.
      </p>
      <button type="button" className="button button-primary" onClick={onCreateNote}>
        New note
      </button>
      <h2 className="welcome-subtitle">From the glossary</h2>
      <ul className="welcome-entries">
        {glossary.first.slice(0, 5).map((entry) => (
          <li key={entry.id}>
            <button type="button" className="link-button" onClick={() => onOpenEntry(entry.id)}>
              {entry.title}
              {/* Entries sharing a title (a dictionary's first five may all be "Ba") told apart. */}
              {entry.hint && (
                <>
                  {' '}
                  <span className="welcome-entry-hint">{entry.hint}</span>
                </>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
