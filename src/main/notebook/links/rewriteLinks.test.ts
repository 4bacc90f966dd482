import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WikiLink } from '@shared/links/parseWikiLinks';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { linkMentionsInText, renamedPackTarget, renamedTarget, replaceLinkTargets } from './rewriteLinks';

const parseWikiLinks = (text: string): WikiLink[] => [...analyzeNote(text).links];

/** The text with every link's target part cut out: what a rename must leave byte-identical. */
function withoutTargets(text: string, links: WikiLink[]): string[] {
  const pieces: string[] = [];
  let cursor = 0;
  for (const link of links) {
    const from = link.start + (link.embed ? 3 : 2);
    pieces.push(text.slice(cursor, from));
    cursor = from + link.target.length;
  }
  pieces.push(text.slice(cursor));
  return pieces;
}

describe('replaceLinkTargets', () => {
  it('changes only the target substrings of the chosen links', () => {
    const name = fc.constantFrom('Old', 'old name', 'Folder/Old', 'Old.md', ' Old ', 'Other', '../Old');
    const link = fc
      .record({
        target: name,
        heading: fc.option(fc.constantFrom('Part', ' Part two '), { nil: null }),
        label: fc.option(fc.constantFrom('label', 'Old', ' spaced '), { nil: null }),
        embed: fc.boolean(),
        pipe: fc.constantFrom('|', '\\|'),
      })
      .map(
        ({ target, heading, label, embed, pipe }) =>
          `${embed ? '!' : ''}[[${target}${heading === null ? '' : `#${heading}`}${label === null ? '' : `${pipe}${label}`}]]`,
      );
    const prose = fc.constantFrom(
      'Old',
      ' prose ',
      '\n',
      '`[[Old]]`',
      '# Old\n',
      '- ',
      '[',
      ']',
      '|',
      '\\',
      '!',
      'é😀',
    );
    const text = fc.array(fc.oneof(link, prose), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text,
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        fc.constantFrom('New', 'Folder/New', 'a b'),
        (before, chosen, target) => {
          const links = parseWikiLinks(before);
          const edits = links.filter((_, index) => chosen[index]).map((l) => ({ link: l, target }));
          const after = replaceLinkTargets(before, edits);
          const rewritten = parseWikiLinks(after);
          expect(rewritten).toHaveLength(links.length);
          expect(withoutTargets(after, rewritten)).toEqual(withoutTargets(before, links));
          rewritten.forEach((link, index) => {
            const old = links[index]!;
            expect([link.heading, link.label, link.embed, link.escapedPipe]).toEqual([
              old.heading,
              old.label,
              old.embed,
              old.escapedPipe,
            ]);
            expect(link.target.trim()).toBe(chosen[index] ? target : old.target.trim());
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('renamedTarget', () => {
  it('keeps the form of the target as written', () => {
    expect(renamedTarget('Old', 'New')).toBe('New');
    expect(renamedTarget(' old ', 'New')).toBe('New');
    expect(renamedTarget('Folder/Old', 'New')).toBe('Folder/New');
    expect(renamedTarget('Folder\\Old.MD', 'New')).toBe('Folder\\New.MD');
    expect(renamedTarget('../Old', 'New')).toBe('../New');
  });
});

describe('linkMentionsInText', () => {
  const text = 'Use GABA/glutamate ratio `GABA glutamate ratio` and GABA glutamate ratio.';
  const at = (source: string, from = 0) => {
    const start = text.indexOf(source, from);
    return { start, end: start + source.length, source };
  };

  it('links mentions, keeping the original text as the label when it differs', () => {
    const result = linkMentionsInText(
      text,
      [at('GABA/glutamate ratio'), at('GABA glutamate ratio', 40)],
      'GABA Glutamate Ratio',
    );
    expect(result).toEqual({
      linked: 2,
      text: 'Use [[GABA Glutamate Ratio|GABA/glutamate ratio]] `GABA glutamate ratio` and [[GABA Glutamate Ratio|GABA glutamate ratio]].',
    });
  });

  it('skips mentions in code, stale ones and overlapping ones', () => {
    const inCode = at('GABA glutamate ratio');
    const stale = { start: 0, end: 3, source: 'GABA' };
    const overlapping = { ...at('GABA/glutamate'), end: at('GABA/glutamate').start + 4, source: 'GABA' };
    const result = linkMentionsInText(text, [at('GABA/glutamate ratio'), inCode, stale, overlapping], 'X');
    expect(result.linked).toBe(1);
  });
});

describe('renamedPackTarget', () => {
  it('replaces the pack part and keeps the separator and title as written', () => {
    expect(renamedPackTarget('Finance Words/Bank', 'finance words', 'Money')).toBe('Money/Bank');
    expect(renamedPackTarget(' FINANCE  words\\BANK.md ', 'finance words', 'Money')).toBe('Money\\BANK.md');
    expect(renamedPackTarget('Finance Words / Bank', 'finance words', 'Money')).toBe('Money/ Bank');
    expect(renamedPackTarget('Café/Bank', 'café', 'Tea')).toBe('Tea/Bank');
  });

  it('follows a pack name that has a slash in it, before and after', () => {
    expect(renamedPackTarget('A/B/Bank', 'a/b', 'C')).toBe('C/Bank');
    expect(renamedPackTarget('Words/Bank', 'words', 'Old/New')).toBe('Old/New/Bank');
  });

  it('leaves what does not name that pack, and names a link cannot hold', () => {
    expect(renamedPackTarget('Cafe/Bank', 'café', 'Tea')).toBeNull();
    expect(renamedPackTarget('Bank', 'words', 'New')).toBeNull();
    expect(renamedPackTarget('Words/Bank', 'words', 'A|B')).toBeNull();
    expect(renamedPackTarget('Words/Bank', 'words', 'A#B')).toBeNull();
    expect(renamedPackTarget('Words/Bank', 'words', '../Up')).toBeNull();
    expect(renamedPackTarget('Words/Bank', 'words', '/Root')).toBeNull();
  });

  it('rewrites, through replaceLinkTargets, only the target of every link form', () => {
    const text = [
      '---',
      'see: "[[Words/Bank]]"',
      '---',
      '![[ words/Bank #Part|label]] and [[Words/Bank#^block]] and [[Bank]].',
      '| [[Words/Bank\\|a bank]] | x |',
      '',
    ].join('\n');
    const model = analyzeNote(text);
    const edits = model.links
      .map((link) => ({ link, target: renamedPackTarget(link.target, 'words', 'Lexicon') }))
      .filter((edit): edit is { link: (typeof model.links)[number]; target: string } => edit.target !== null);
    expect(edits).toHaveLength(4);
    expect(replaceLinkTargets(text, edits)).toBe(
      text.replace(/\[\[ ?[Ww]ords\//g, (m) => m.replace(/[Ww]ords/, 'Lexicon')),
    );
  });
});
