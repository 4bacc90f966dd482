import { vi } from 'vitest';
import type { Note, SaveResult } from '@shared/domain/note';
import type { NoteSessionEditor } from '../NoteSession';

/** A note as the backend returns it, for NoteSession tests. */
export function note(content: string, version = 'v1', path = 'Cells.md'): Note {
  return {
    path,
    title: 'Cells',
    folder: '',
    modified: '2026-01-01T00:00:00.000Z',
    size: content.length,
    aliases: [],
    tags: [],
    content,
    version,
    readOnly: null,
  };
}

/** A successful save result carrying `version`. */
export function saved(version: string, path = 'Cells.md'): SaveResult {
  const { content: _c, version: _v, readOnly: _r, ...summary } = note('', version, path);
  return { status: 'saved', note: summary, version };
}

/** An editor holding `body`, recording replacements. */
export class FakeEditor implements NoteSessionEditor {
  constructor(public body: string) {}
  readBody = () => this.body;
  replaceBody = vi.fn((body: string) => {
    this.body = body;
  });
}
