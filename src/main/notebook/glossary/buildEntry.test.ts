import { describe, expect, it } from 'vitest';
import { buildEntry } from './buildEntry';
import { GlossaryImportError } from './GlossaryImportError';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const SOURCE = bytes(
  [
    'The Example Ratio is a measure of two signals.',
    'Origin',
    'It comes from neurochemistry.',
    'Mechanism',
    'Receptors respond in proportion, guided by individual preferences.',
    'We use cookies to personalize content.',
    'Detailed Cookie Preferences',
  ].join('\r\n'),
);
const UNTITLED = bytes('A state where two signals agree.\nOrigin\nNeurochemistry.\nMechanism\nReceptors.\n');

function problemOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryImportError);
    expect((error as Error).message.startsWith('x.txt: ')).toBe(true);
    return (error as GlossaryImportError).problem;
  }
  throw new Error('buildEntry accepted the source');
}

describe('buildEntry', () => {
  it('builds an entry with a derived title and id, without the trailer', () => {
    expect(buildEntry('x.txt', SOURCE)).toEqual({
      id: 'example-ratio',
      title: 'Example Ratio',
      aliases: [],
      source: 'x.txt',
      editorialTitle: false,
      definition: 'The Example Ratio is a measure of two signals.',
      sections: [
        { heading: 'Origin', text: 'It comes from neurochemistry.' },
        { heading: 'Mechanism', text: 'Receptors respond in proportion, guided by individual preferences.' },
      ],
    });
  });

  it('takes aliases from the manifest', () => {
    expect(buildEntry('x.txt', SOURCE, { aliases: ['E/R ratio'] }).aliases).toEqual(['E/R ratio']);
  });

  it('uses an editorial title from the manifest and marks it', () => {
    const entry = buildEntry('x.txt', UNTITLED, { title: 'Signal Agreement' });
    expect(entry).toMatchObject({ id: 'signal-agreement', title: 'Signal Agreement', editorialTitle: true });
  });

  it('does not mark a manifest title that only repeats the derived one', () => {
    expect(buildEntry('x.txt', SOURCE, { title: 'Example Ratio' }).editorialTitle).toBe(false);
  });

  it('fails when no title can be derived and the manifest gives none', () => {
    expect(problemOf(() => buildEntry('x.txt', UNTITLED))).toMatch(
      /^no title can be derived from the definition .*manifest\.json.*"x\.txt"/,
    );
  });

  it('fails when the title gives no id', () => {
    expect(problemOf(() => buildEntry('x.txt', UNTITLED, { title: '神経' }))).toMatch(/gives no id/);
    expect(problemOf(() => buildEntry('x.txt', UNTITLED, { title: 'Word '.repeat(40) }))).toMatch(/too long/);
  });

  it('fails when an alias repeats the title', () => {
    expect(problemOf(() => buildEntry('x.txt', SOURCE, { aliases: ['example ratio'] }))).toBe(
      'the alias "example ratio" is the title itself',
    );
  });

  it('passes on source problems, naming the file', () => {
    expect(problemOf(() => buildEntry('x.txt', new Uint8Array()))).toBe('file is empty');
    expect(problemOf(() => buildEntry('x.txt', bytes('The X Term is y.\nOrigin\nz\n')))).toMatch(
      /no "Mechanism" section/,
    );
  });
});
