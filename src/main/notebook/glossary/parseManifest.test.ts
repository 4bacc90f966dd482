import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossaryImportError } from './GlossaryImportError';
import { parseManifest } from './parseManifest';

function problemOf(text: string): string {
  try {
    parseManifest(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryImportError);
    expect((error as Error).message.startsWith('manifest.json: ')).toBe(true);
    return (error as GlossaryImportError).problem;
  }
  throw new Error('parseManifest accepted the text');
}

describe('parseManifest', () => {
  it('reads titles and aliases by source file name', () => {
    const manifest = parseManifest(
      JSON.stringify({ entries: { 'a.txt': { title: 'Alpha Term' }, 'b.txt': { aliases: ['B ratio', 'B/C ratio'] } } }),
    );
    expect([...manifest]).toEqual([
      ['a.txt', { title: 'Alpha Term' }],
      ['b.txt', { aliases: ['B ratio', 'B/C ratio'] }],
    ]);
  });

  it('trims names and collapses inner whitespace', () => {
    expect(
      parseManifest('{"entries":{"a.txt":{"title":"  Alpha   Term ","aliases":[" x  y "]}}}').get('a.txt'),
    ).toEqual({
      title: 'Alpha Term',
      aliases: ['x y'],
    });
  });

  it('accepts an empty manifest', () => {
    expect(parseManifest('{}').size).toBe(0);
    expect(parseManifest('{"entries":{}}').size).toBe(0);
  });

  it('reads the shipped manifest', () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../../../resources/glossary/sources/manifest.json'),
      'utf8',
    );
    const manifest = parseManifest(text);
    expect(manifest.get('004_7544fc4d081ca7b6.txt')).toEqual({ title: 'Optimized Neurotransmitter Balance' });
    expect(manifest.get('000_1daa4b43b52795c7.txt')).toEqual({ aliases: ['GABA/glutamate ratio'] });
  });

  it.each([
    ['not JSON', '{ entries: }', /^is not valid JSON/],
    ['a list', '[]', /must be a JSON object/],
    ['an unknown top-level key', '{"entries":{},"version":2}', /unknown key "version"/],
    ['entries as a list', '{"entries":[]}', /"entries" must be an object/],
    ['an entry that is a string', '{"entries":{"a.txt":"Alpha"}}', /"a.txt" must be an object/],
    ['a misspelt key', '{"entries":{"a.txt":{"titel":"Alpha"}}}', /unknown key "titel"/],
    ['an empty title', '{"entries":{"a.txt":{"title":"  "}}}', /"title" must be a non-empty single-line string/],
    ['a numeric title', '{"entries":{"a.txt":{"title":3}}}', /"title" must be/],
    ['a multi-line title', '{"entries":{"a.txt":{"title":"A\\nB"}}}', /"title" must be/],
    ['aliases as a string', '{"entries":{"a.txt":{"aliases":"x"}}}', /"aliases" must be a list/],
    ['an empty alias', '{"entries":{"a.txt":{"aliases":["x",""]}}}', /non-empty single-line strings/],
    ['a repeated alias', '{"entries":{"a.txt":{"aliases":["X ratio","x  ratio"]}}}', /lists "x ratio" twice/],
  ])('rejects %s, naming manifest.json and the problem', (_, text, problem) => {
    expect(problemOf(text)).toMatch(problem);
  });
});
