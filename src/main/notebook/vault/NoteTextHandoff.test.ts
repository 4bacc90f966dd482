import { describe, expect, it } from 'vitest';
import type { Note } from '@shared/domain/note';
import { NoteTextHandoff } from './NoteTextHandoff';

function note(path: string, content: string, version = `v-${content.length}`): Note {
  return {
    path,
    title: path.replace(/\.md$/, ''),
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

describe('NoteTextHandoff', () => {
  it('holds a text until every registered reader took it, once each', () => {
    const handoff = new NoteTextHandoff();
    const links = handoff.register();
    const search = handoff.register();
    handoff.put('A.md', note('A.md', 'alpha', 'v1'));
    expect(handoff.take(links, 'A.md', 'v1')?.content).toBe('alpha');
    // The same reader again: it reads the file like anyone else.
    expect(handoff.take(links, 'A.md', 'v1')).toBeNull();
    expect(handoff.heldChars).toBe(5);
    expect(handoff.take(search, 'A.md', 'v1')?.content).toBe('alpha');
    expect(handoff.heldChars).toBe(0);
  });

  it('gives a text only for the version asked, and a newer version replaces an older one', () => {
    const handoff = new NoteTextHandoff();
    const reader = handoff.register();
    handoff.put('A.md', note('A.md', 'old', 'v1'));
    handoff.put('A.md', note('A.md', 'newer', 'v2'));
    expect(handoff.take(reader, 'A.md', 'v1')).toBeNull();
    expect(handoff.take(reader, 'A.md', 'v2')?.content).toBe('newer');
  });

  it('holds nothing without readers, nor read-only notes, and drops what a leaving reader alone wanted', () => {
    const handoff = new NoteTextHandoff();
    handoff.put('A.md', note('A.md', 'alpha'));
    expect(handoff.heldChars).toBe(0);
    const reader = handoff.register();
    handoff.put('B.md', { ...note('B.md', 'binary'), readOnly: { reason: 'binary' } });
    expect(handoff.heldChars).toBe(0);
    handoff.put('C.md', note('C.md', 'gamma'));
    expect(handoff.heldChars).toBe(5);
    handoff.unregister(reader);
    expect(handoff.heldChars).toBe(0);
  });

  it('keeps within its budget by dropping the oldest texts first', () => {
    const handoff = new NoteTextHandoff(10);
    const reader = handoff.register();
    handoff.put('A.md', note('A.md', 'aaaa', 'a'));
    handoff.put('B.md', note('B.md', 'bbbb', 'b'));
    handoff.put('C.md', note('C.md', 'cccc', 'c'));
    expect(handoff.heldChars).toBe(8);
    expect(handoff.take(reader, 'A.md', 'a')).toBeNull();
    expect(handoff.take(reader, 'C.md', 'c')?.content).toBe('cccc');
    // Larger than the whole budget: never held.
    handoff.put('D.md', note('D.md', 'd'.repeat(11), 'd'));
    expect(handoff.take(reader, 'D.md', 'd')).toBeNull();
  });

  it('gives each reader its own copy of the lists', () => {
    const handoff = new NoteTextHandoff();
    const first = handoff.register();
    const second = handoff.register();
    handoff.put('A.md', { ...note('A.md', 'alpha', 'v1'), aliases: ['Alpha'] });
    handoff.take(first, 'A.md', 'v1')!.aliases.push('changed');
    expect(handoff.take(second, 'A.md', 'v1')?.aliases).toEqual(['Alpha']);
  });
});
