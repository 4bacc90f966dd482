import { describe, expect, it } from 'vitest';
import { notePathProblem } from '@shared/domain/notePath';
import { conflictCopyPath } from './conflictCopyPath';

const when = new Date(2024, 0, 9, 8, 5, 3);

describe('conflictCopyPath', () => {
  it('names the copy beside the note with the local date and time', () => {
    expect(conflictCopyPath('Bio/Cells.md', when)).toBe('Bio/Cells (conflict 2024-01-09 080503).md');
    expect(conflictCopyPath('Cells.md', when, 3)).toBe('Cells (conflict 2024-01-09 080503 3).md');
  });

  it('shortens a long title so the name fits file-system limits and stays a valid note path', () => {
    const path = conflictCopyPath(`${'é'.repeat(200)}.md`, when);
    expect(new TextEncoder().encode(path).length).toBeLessThanOrEqual(240);
    expect(notePathProblem(path)).toBeNull();
    expect(path.endsWith(' (conflict 2024-01-09 080503).md')).toBe(true);
  });
});
