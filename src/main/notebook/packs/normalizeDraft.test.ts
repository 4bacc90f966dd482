import { describe, expect, it } from 'vitest';
import type { DraftEntry } from './DraftEntry';
import { normalizeDraft } from './normalizeDraft';

const draft = (fields: Partial<DraftEntry>): DraftEntry => ({
  title: 'Term',
  aliases: [],
  definition: 'A definition.',
  sections: [],
  tags: [],
  source: 'x.csv, line 2',
  editorialTitle: false,
  ...fields,
});

describe('normalizeDraft', () => {
  it('tidies whitespace, line endings and control characters', () => {
    expect(
      normalizeDraft(
        draft({
          title: '  Action\u0007  potential ',
          definition: 'First line.  \r\nSecond line.\r\n\r\n\r\n\r\nNew paragraph.\u0000',
          aliases: [' AP ', 'ap', 'Action potential', ''],
          tags: ['#neuro', 'neuro', ' cells '],
          sections: [
            { heading: ' Example ', text: ' Spikes. ' },
            { heading: 'Empty', text: '   ' },
          ],
        }),
      ),
    ).toEqual(
      draft({
        title: 'Action potential',
        definition: 'First line.\nSecond line.\n\nNew paragraph.',
        aliases: ['AP'],
        tags: ['neuro', 'cells'],
        sections: [{ heading: 'Example', text: 'Spikes.' }],
      }),
    );
  });

  it('says why an entry is left out', () => {
    expect(normalizeDraft(draft({ title: '  ' }))).toEqual({ reason: 'no term' });
    expect(normalizeDraft(draft({ title: 'Two\nlines' }))).toEqual({ reason: 'the term spans several lines' });
    expect(normalizeDraft(draft({ definition: ' ' }))).toEqual({ reason: 'no definition for “Term”' });
    expect(normalizeDraft(draft({ title: 'x'.repeat(301) }))).toMatchObject({ reason: /longer than 300/ });
  });
});
