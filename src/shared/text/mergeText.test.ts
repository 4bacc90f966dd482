import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WORD_TOKENS, mergeText, tokenize } from './mergeText';

const merged = (base: string, ours: string, theirs: string) => mergeText(base, ours, theirs);

describe('mergeText', () => {
  it('takes the only side that changed', () => {
    expect(merged('a\n', 'a b\n', 'a\n')).toEqual({ clean: true, text: 'a b\n' });
    expect(merged('a\n', 'a\n', 'a c\n')).toEqual({ clean: true, text: 'a c\n' });
  });

  it('keeps both sides changes in different paragraphs', () => {
    const base = 'Status: synced 1 time.\n\nStart of the note.\n';
    const ours = 'Status: synced 1 time.\n\nStart of the note. w000 w001\n';
    const theirs = 'Status: synced 2 times.\n\nStart of the note.\n';
    expect(merged(base, ours, theirs)).toEqual({
      clean: true,
      text: 'Status: synced 2 times.\n\nStart of the note. w000 w001\n',
    });
  });

  it('merges changes to neighbouring lines word by word', () => {
    const base = 'First line\nSecond line\n';
    const ours = 'First line\nSecond line and more\n';
    const theirs = 'First row\nSecond line\n';
    expect(merged(base, ours, theirs)).toEqual({ clean: true, text: 'First row\nSecond line and more\n' });
  });

  it('merges changes to different words of one line', () => {
    const base = 'The cell wall is rigid.';
    const ours = 'The plant cell wall is rigid.';
    const theirs = 'The cell wall is very rigid.';
    expect(merged(base, ours, theirs)).toEqual({ clean: true, text: 'The plant cell wall is very rigid.' });
  });

  it('takes a change both sides made the same way once', () => {
    expect(merged('a\nb\n', 'a\nB\n', 'a\nB\n')).toEqual({ clean: true, text: 'a\nB\n' });
    expect(merged('one two three', 'one 2 three four', 'one 2 three')).toEqual({
      clean: true,
      text: 'one 2 three four',
    });
  });

  it('is a conflict when both sides change the same word', () => {
    expect(merged('The cell is small.', 'The cell is tiny.', 'The cell is large.')).toEqual({
      clean: false,
      conflicts: 1,
    });
  });

  it('is a conflict when both sides insert at the same place (the order cannot be chosen)', () => {
    expect(merged('Start.\n', 'Start. typed\n', 'Start. synced\n').clean).toBe(false);
  });

  it('is a conflict when one side rewrites what the other was typing in', () => {
    const outcome = merged('Start of the note.\n', 'Start of the note. w000 w0\n', 'Rewritten by the sync tool (8).\n');
    expect(outcome.clean).toBe(false);
  });

  it('is a conflict when one side deletes a word the other changed', () => {
    expect(merged('a b c', 'a B c', 'a c').clean).toBe(false);
  });

  it('never merges into the middle of a word', () => {
    // The word being typed ("w00" saved, "w002" now) and an outside change to that word.
    expect(merged('x w00', 'x w002', 'x w00s').clean).toBe(false);
    expect(tokenize('it’s w002, (ok)')).toEqual(['it’s', ' ', 'w002', ',', ' ', '(', 'ok', ')']);
  });

  it('keeps line endings and a missing final newline', () => {
    const base = 'a\r\nb\r\nc';
    expect(merged(base, 'a\r\nb\r\nc d', 'A\r\nb\r\nc')).toEqual({ clean: true, text: 'A\r\nb\r\nc d' });
  });

  it('merges a long note when the changes are local', () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} of a long note.\n\n`);
    const base = paragraphs.join('');
    const ours = base.replace('Paragraph 19990 of', 'Paragraph 19990 (typed) of');
    const theirs = base.replace('Paragraph 10 of', 'Paragraph ten of');
    const outcome = merged(base, ours, theirs);
    expect(outcome.clean && outcome.text.includes('Paragraph ten of')).toBe(true);
    expect(outcome.clean && outcome.text.includes('Paragraph 19990 (typed) of')).toBe(true);
  });

  it('calls a stretch too long to merge word by word a conflict', () => {
    const line = Array.from({ length: MAX_WORD_TOKENS }, (_, i) => `w${i}`).join(' ');
    expect(merged(line, `${line} ours`, `theirs ${line}`).clean).toBe(false);
  });
});

/** A note: paragraphs of words separated by blank lines. */
const word = fc.stringMatching(/^[a-z]{1,6}$/);
const paragraph = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
const note = fc.array(paragraph, { minLength: 2, maxLength: 12 });
const join = (paragraphs: readonly string[]) => paragraphs.join('\n\n') + '\n';

/** Words of a text (what must never be glued together or split by a merge). */
const words = (text: string) => tokenize(text).filter((token) => /\w/.test(token));

describe('mergeText properties', () => {
  it('merges changes to different paragraphs, keeping both sides changes', () => {
    fc.assert(
      fc.property(
        note,
        fc.array(fc.tuple(fc.boolean(), paragraph), { minLength: 12, maxLength: 12 }),
        (paragraphs, edits) => {
          // Each paragraph is changed by one side at most: ours for `true`, theirs for `false`.
          const ours = paragraphs.map((text, i) => (edits[i]![0] ? `${text} ${edits[i]![1]}` : text));
          const theirs = paragraphs.map((text, i) => (edits[i]![0] ? text : `${edits[i]![1]} ${text}`));
          const expected = paragraphs.map((text, i) => (edits[i]![0] ? ours[i]! : theirs[i]!));
          expect(merged(join(paragraphs), join(ours), join(theirs))).toEqual({ clean: true, text: join(expected) });
        },
      ),
    );
  });

  it('merges identical changes into that change', () => {
    fc.assert(
      fc.property(note, note, (base, changed) => {
        expect(merged(join(base), join(changed), join(changed))).toEqual({ clean: true, text: join(changed) });
      }),
    );
  });

  it('never loses typed text: a clean merge holds what the user inserted, in one piece', () => {
    fc.assert(
      fc.property(
        note,
        fc.nat(),
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.oneof(word, fc.constant(''))), { maxLength: 6 }),
        (paragraphs, at, typedWords, outside) => {
          const base = join(paragraphs);
          // The user types " w1 w2…" after a word of the note.
          const ends = [...base.matchAll(/[a-z](?=[ \n])/g)].map((match) => match.index + 1);
          const position = ends[at % ends.length]!;
          const typed = ` ${typedWords.map((w) => `T${w}`).join(' ')}`;
          const ours = base.slice(0, position) + typed + base.slice(position);
          // The other program replaces or deletes some words.
          const tokens = tokenize(base);
          for (const [index, replacement] of outside) {
            const target = (index % Math.ceil(tokens.length / 2)) * 2;
            if (/\w/.test(tokens[target] ?? '')) tokens[target] = replacement;
          }
          const theirs = tokens.join('');
          const outcome = merged(base, ours, theirs);
          if (outcome.clean) expect(outcome.text).toContain(typed);
        },
      ),
    );
  });

  it('never makes a word that neither side has', () => {
    fc.assert(
      fc.property(note, note, note, (base, ours, theirs) => {
        const outcome = merged(join(base), join(ours), join(theirs));
        if (!outcome.clean) return;
        const known = new Set([...words(join(ours)), ...words(join(theirs))]);
        for (const w of words(outcome.text)) expect(known).toContain(w);
      }),
    );
  });

  it('does not depend on which side is ours', () => {
    fc.assert(
      fc.property(note, note, note, (base, ours, theirs) => {
        const one = merged(join(base), join(ours), join(theirs));
        const other = merged(join(base), join(theirs), join(ours));
        expect(other.clean).toBe(one.clean);
        if (one.clean && other.clean) expect(other.text).toBe(one.text);
      }),
    );
  });
});
