import { describe, expect, it } from 'vitest';
import { readFrontMatterFields, splitFrontMatter } from './frontMatter';

describe('splitFrontMatter', () => {
  it('splits the leading block verbatim, closing delimiter and its line break included', () => {
    const text = '---\ntitle: Cells\ncustom: [a, b]\n---\n# Cells\n\nBody.\n';
    expect(splitFrontMatter(text)).toEqual({
      frontMatter: '---\ntitle: Cells\ncustom: [a, b]\n---\n',
      body: '# Cells\n\nBody.\n',
    });
  });

  it('gives no front matter when the text does not open with ---', () => {
    expect(splitFrontMatter('# Title\n---\na: 1\n---\n')).toEqual({
      frontMatter: '',
      body: '# Title\n---\na: 1\n---\n',
    });
    expect(splitFrontMatter(' ---\na: 1\n---\n').frontMatter).toBe('');
    expect(splitFrontMatter('')).toEqual({ frontMatter: '', body: '' });
  });

  it('gives no front matter when the block never closes', () => {
    const text = '---\ntitle: Cells\n\nSome text after a rule\n';
    expect(splitFrontMatter(text)).toEqual({ frontMatter: '', body: text });
    expect(splitFrontMatter('---').frontMatter).toBe('');
    expect(splitFrontMatter('---\n').frontMatter).toBe('');
  });

  it('accepts ... as the closing delimiter', () => {
    expect(splitFrontMatter('---\na: 1\n...\nbody').frontMatter).toBe('---\na: 1\n...\n');
  });

  it('accepts an empty block', () => {
    expect(splitFrontMatter('---\n---\nbody')).toEqual({ frontMatter: '---\n---\n', body: 'body' });
  });

  it('tolerates CRLF line breaks and keeps them', () => {
    const text = '---\r\naliases: [Cell]\r\n---\r\nBody\r\n';
    expect(splitFrontMatter(text)).toEqual({ frontMatter: '---\r\naliases: [Cell]\r\n---\r\n', body: 'Body\r\n' });
  });

  it('accepts a file that ends right after the closing delimiter', () => {
    expect(splitFrontMatter('---\na: 1\n---')).toEqual({ frontMatter: '---\na: 1\n---', body: '' });
  });

  it('does not take a longer rule or an indented delimiter as the closing line', () => {
    const text = '---\na: 1\n----\n  ---\nb: 2\n---\nbody';
    expect(splitFrontMatter(text).frontMatter).toBe('---\na: 1\n----\n  ---\nb: 2\n---\n');
  });

  it('keeps a byte order mark inside the front matter so nothing is lost', () => {
    const text = '\uFEFF---\na: 1\n---\nbody';
    const { frontMatter, body } = splitFrontMatter(text);
    expect(frontMatter + body).toBe(text);
    expect(body).toBe('body');
  });

  it('always reassembles to the original text', () => {
    for (const text of ['---\n', '---\na\n---', '---\r\n---\r\n', 'x', '---\nx: [\n---\n\n---\n', '...\n---\n']) {
      const { frontMatter, body } = splitFrontMatter(text);
      expect(frontMatter + body).toBe(text);
    }
  });
});

describe('readFrontMatterFields', () => {
  it('reads aliases and tags as lists', () => {
    const fm = '---\naliases:\n  - Cell\n  - Cytes\ntags: [biology, "#exam"]\nother: kept\n---\n';
    expect(readFrontMatterFields(fm)).toEqual({ aliases: ['Cell', 'Cytes'], tags: ['biology', 'exam'] });
  });

  it('reads a single alias string and alias/tag singular keys', () => {
    expect(readFrontMatterFields('---\nalias: The Cell\ntag: bio\n---\n')).toEqual({
      aliases: ['The Cell'],
      tags: ['bio'],
    });
    expect(readFrontMatterFields('---\naliases: GABA, the inhibitor\n---\n').aliases).toEqual(['GABA, the inhibitor']);
  });

  it('splits a tags string on commas and spaces and strips #', () => {
    expect(readFrontMatterFields('---\ntags: "#a, b  #c,d"\n---\n').tags).toEqual(['a', 'b', 'c', 'd']);
    expect(readFrontMatterFields('---\ntags: neuro chem\n---\n').tags).toEqual(['neuro', 'chem']);
  });

  it('turns numbers into strings and skips nulls, objects and duplicates', () => {
    expect(readFrontMatterFields('---\ntags: [2024, null, {a: 1}, 2024, x]\naliases: [~]\n---\n')).toEqual({
      aliases: [],
      tags: ['2024', 'x'],
    });
  });

  it('accepts bare YAML without delimiters, and CRLF', () => {
    expect(readFrontMatterFields('tags: [a]\n').tags).toEqual(['a']);
    expect(readFrontMatterFields('---\r\ntags: [a]\r\n---\r\n').tags).toEqual(['a']);
  });

  it('gives empty lists for broken YAML or a non-mapping, never throws', () => {
    const empty = { aliases: [], tags: [] };
    expect(readFrontMatterFields('---\ntags: [a, b\n---\n')).toEqual(empty);
    expect(readFrontMatterFields('---\n- a\n- b\n---\n')).toEqual(empty);
    expect(readFrontMatterFields('---\njust text\n---\n')).toEqual(empty);
    expect(readFrontMatterFields('---\na: 1\na: 2\n---\n')).toEqual(empty);
    expect(readFrontMatterFields('')).toEqual(empty);
    expect(readFrontMatterFields('---\n\t: : :\n---\n')).toEqual(empty);
  });

  it('survives alias bombs', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]'];
    for (const c of 'cdefghij')
      bomb.push(
        `${c}: &${c} [${Array(9)
          .fill(`*${String.fromCharCode(c.charCodeAt(0) - 1)}`)
          .join(', ')}]`,
      );
    bomb.push('tags: *j');
    expect(readFrontMatterFields(`---\n${bomb.join('\n')}\n---\n`).tags.length).toBeLessThan(10);
  });

  it('reads only the keys it uses from a huge front matter', () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `key${i}: ${'value '.repeat(15)}`);
    const huge = ['---', ...filler.slice(0, 10_000), 'aliases:', '- Big One', '  # a comment', 'tags: [x, "#y"]'];
    huge.push(...filler.slice(10_000), 'alias: ignored, aliases comes first', '---', '');
    expect(readFrontMatterFields(huge.join('\n'))).toEqual({ aliases: ['Big One'], tags: ['x', 'y'] });
  });

  it('gives empty lists when even the keys it uses are too large to parse', () => {
    const aliases = Array.from({ length: 20_000 }, (_, i) => `  - alias number ${i}`);
    expect(readFrontMatterFields(['---', 'aliases:', ...aliases, '---', ''].join('\n'))).toEqual({
      aliases: [],
      tags: [],
    });
    expect(readFrontMatterFields(`---\naliases: ${'['.repeat(100_000)}\n---\n`)).toEqual({ aliases: [], tags: [] });
  });

  it('does not parse front matter nested deeper than real front matter ever is', () => {
    const empty = { aliases: [], tags: [] };
    for (const deep of [
      `aliases: ${'['.repeat(50_000)}`,
      `aliases: ${'['.repeat(40)}x${']'.repeat(40)}`,
      `tags: ${'{a: '.repeat(40)}1${'}'.repeat(40)}`,
      `aliases:\n${'- '.repeat(40)}x`,
      Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
    ]) {
      expect(readFrontMatterFields(`---\n${deep}\ntags: [kept]\n---\n`)).toEqual(empty);
    }
    // Ordinary nesting, brackets in strings and closed collections are read as before.
    expect(
      readFrontMatterFields('---\nmeta:\n  nested:\n    - [a, {b: [c]}]\naliases: ["[x]", y]\ntags:\n  - one\n---\n'),
    ).toEqual({ aliases: ['[x]', 'y'], tags: ['one'] });
  });
});
