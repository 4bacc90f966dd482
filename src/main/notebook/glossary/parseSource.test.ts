import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossaryImportError } from './GlossaryImportError';
import { parseSource } from './parseSource';

const SOURCES_DIR = join(import.meta.dirname, '../../../../resources/glossary/sources');

const DEFINITION = 'The Example Ratio is a measure of how two signals relate.';
const ORIGIN = 'The concept comes from neurochemistry.';
const MECHANISM = 'Receptors respond to both signals in proportion.';

function source(...lines: string[]): string {
  return lines.join('\n');
}

function problemOf(text: string): string {
  try {
    parseSource(text, 'bad.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryImportError);
    expect((error as Error).message.startsWith('bad.txt: ')).toBe(true);
    return (error as GlossaryImportError).problem;
  }
  throw new Error('parseSource accepted the text');
}

describe('parseSource', () => {
  it('splits the definition, Origin and Mechanism and drops the cookie banner after them', () => {
    const parsed = parseSource(
      source(
        DEFINITION,
        'Origin',
        ORIGIN,
        'Mechanism',
        MECHANISM,
        'We use cookies to analyze our traffic.',
        'Accept all',
      ),
      'a.txt',
    );
    expect(parsed).toEqual({
      definition: DEFINITION,
      sections: [
        { heading: 'Origin', text: ORIGIN },
        { heading: 'Mechanism', text: MECHANISM },
      ],
    });
  });

  it('keeps a scientific sentence about "preferences" or "consent" inside Mechanism', () => {
    const mechanism = 'Dopamine signalling shapes reward preferences, and informed consent governs testing.';
    const parsed = parseSource(source(DEFINITION, 'Origin', ORIGIN, 'Mechanism', mechanism, 'Manage consent'), 'a.txt');
    expect(parsed.sections[1]).toEqual({ heading: 'Mechanism', text: mechanism });
  });

  it('keeps further paragraphs of the last section up to the trailer, one paragraph per line', () => {
    const parsed = parseSource(
      source(
        DEFINITION,
        'Origin',
        ORIGIN,
        '',
        'A second origin paragraph.',
        'Mechanism',
        MECHANISM,
        'More mechanism.',
        'Subscribe',
      ),
      'a.txt',
    );
    expect(parsed.sections).toEqual([
      { heading: 'Origin', text: `${ORIGIN}\n\nA second origin paragraph.` },
      { heading: 'Mechanism', text: `${MECHANISM}\n\nMore mechanism.` },
    ]);
  });

  it('works without any trailer, with blank lines and surrounding whitespace', () => {
    const parsed = parseSource(
      source('', `  ${DEFINITION}  `, '', ' origin ', ORIGIN, 'MECHANISM', MECHANISM, ''),
      'a.txt',
    );
    expect(parsed.definition).toBe(DEFINITION);
    expect(parsed.sections.map((s) => s.heading)).toEqual(['Origin', 'Mechanism']);
    expect(parsed.sections[1]?.text).toBe(MECHANISM);
  });

  it('does not mistake a paragraph that merely starts with a heading word for a heading', () => {
    const parsed = parseSource(
      source(DEFINITION, 'Origin', 'Origin of the term: 1970s.', 'Mechanism', MECHANISM),
      'a.txt',
    );
    expect(parsed.sections[0]?.text).toBe('Origin of the term: 1970s.');
  });

  it('rejects a source without an Origin or Mechanism heading', () => {
    expect(problemOf(source(DEFINITION, 'Mechanism', MECHANISM))).toMatch(/^no "Origin" section found/);
    expect(problemOf(source(DEFINITION, 'Origin', ORIGIN, MECHANISM))).toMatch(/^no "Mechanism" section found/);
  });

  it('rejects headings out of order', () => {
    expect(problemOf(source(DEFINITION, 'Mechanism', MECHANISM, 'Origin', ORIGIN))).toMatch(
      /"Mechanism" heading comes before "Origin"/,
    );
  });

  it('rejects a repeated heading, naming both lines', () => {
    expect(problemOf(source(DEFINITION, 'Origin', ORIGIN, 'Origin', ORIGIN, 'Mechanism', MECHANISM))).toBe(
      'the "Origin" heading appears twice (lines 2 and 4)',
    );
    expect(problemOf(source(DEFINITION, 'Origin', ORIGIN, 'Mechanism', MECHANISM, 'Mechanism', MECHANISM))).toBe(
      'the "Mechanism" heading appears twice (lines 4 and 6)',
    );
  });

  it('rejects an empty definition or section', () => {
    expect(problemOf(source('', 'Origin', ORIGIN, 'Mechanism', MECHANISM))).toBe(
      'no definition paragraph before the "Origin" heading',
    );
    expect(problemOf(source(DEFINITION, 'Origin', '  ', 'Mechanism', MECHANISM))).toBe('the "Origin" section is empty');
    expect(problemOf(source(DEFINITION, 'Origin', ORIGIN, 'Mechanism', ''))).toBe('the "Mechanism" section is empty');
  });

  it('rejects a Mechanism section that is only boilerplate', () => {
    expect(problemOf(source(DEFINITION, 'Origin', ORIGIN, 'Mechanism', 'We value your privacy', 'Accept all'))).toBe(
      'the "Mechanism" section is empty: line 5, right after the heading, looks like web-page boilerplate (privacy notice): "We value your privacy"',
    );
  });

  it('refuses to silently keep or drop boilerplate inside the definition or Origin', () => {
    expect(problemOf(source('We value your privacy', DEFINITION, 'Origin', ORIGIN, 'Mechanism', MECHANISM))).toMatch(
      /^line 1 in the definition looks like web-page boilerplate \(privacy notice\): "We value your privacy"/,
    );
    expect(
      problemOf(source(DEFINITION, 'Origin', ORIGIN, 'Subscribe to our newsletter', 'Mechanism', MECHANISM)),
    ).toMatch(/^line 4 in the "Origin" section looks like web-page boilerplate/);
  });

  describe('on the shipped sources', () => {
    const files = readdirSync(SOURCES_DIR).filter((name) => name.endsWith('.txt'));

    it('finds the sources', () => {
      expect(files.length).toBeGreaterThanOrEqual(5);
    });

    it.each(files)('%s: keeps lines 1, 3 and 5 exactly and nothing of the cookie banner', (file) => {
      const text = readFileSync(join(SOURCES_DIR, file), 'utf8');
      const lines = text.split('\n');
      const parsed = parseSource(text, file);
      expect(parsed.definition).toBe(lines[0]);
      expect(parsed.sections).toEqual([
        { heading: 'Origin', text: lines[2] },
        { heading: 'Mechanism', text: lines[4] },
      ]);
      expect(JSON.stringify(parsed)).not.toMatch(/cookie|consent|preferences/i);
    });
  });
});
