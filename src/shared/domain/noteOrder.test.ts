import { describe, expect, it } from 'vitest';
import type { NoteSummary } from './note';
import { compareByModified } from './noteOrder';

const note = (path: string, title: string, modified: string) => ({ path, title, modified }) as NoteSummary;

describe('the notes list order', () => {
  it('is most recent first, then by title ignoring case and accents, then by path', () => {
    const notes = [
      note('a/Émile.md', 'Émile', '2026-01-01T00:00:00.000Z'),
      note('Zeta.md', 'Zeta', '2026-03-01T00:00:00.000Z'),
      note('b/emile.md', 'emile', '2026-01-01T00:00:00.000Z'),
      note('Alpha.md', 'Alpha', '2026-01-01T00:00:00.000Z'),
    ];
    expect([...notes].sort(compareByModified).map((n) => n.path)).toEqual([
      'Zeta.md',
      'Alpha.md',
      // The same title but for case and accents: by path.
      'a/Émile.md',
      'b/emile.md',
    ]);
  });
});
