import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../../e2e/fixtures/injectionPayloads';
import { anchor, describeRange, type TextSelectors } from './anchoring';
import {
  decodePassageLine,
  encodePassageLine,
  type HighlightFile,
  parseHighlightFile,
  serializeHighlightFile,
} from './highlightFile';
import { HIGHLIGHT_COLOURS, type Highlight } from '../domain/highlights';

const ENTRY_TEXT = [
  'GABA (gamma-aminobutyric acid) is the chief inhibitory neurotransmitter of the mature',
  'mammalian central nervous system. It reduces neuronal excitability by binding to GABA-A',
  'and GABA-B receptors.',
].join('\n');

function selectorsOf(text: string, passage: string): TextSelectors {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`not in the text: ${passage}`);
  return describeRange(text, start, start + passage.length);
}

function highlight(id: string, selectors: TextSelectors, extra: Partial<Highlight> = {}): Highlight {
  return {
    id,
    colour: 'yellow',
    created: '2026-12-07T04:57:00.000Z',
    updated: '2026-12-07T05:01:30.250Z',
    selectors,
    ...extra,
  };
}

function file(highlights: Highlight[], extra: Partial<HighlightFile> = {}): HighlightFile {
  return {
    entry: { id: 'gaba', pack: 'neuro-glossary', title: 'GABA' },
    highlights,
    frontMatterExtra: {},
    preamble: '',
    unparsed: [],
    ...extra,
  };
}

/** A passage with the given text and context, at made-up offsets. */
function passage(exact: string, prefix = 'before ', suffix = ' after'): TextSelectors {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start: 7, end: 7 + exact.length },
  };
}

function parsed(text: string) {
  const result = parseHighlightFile(text);
  if ('error' in result) throw new Error(result.error);
  return result;
}

/** The quote lines right under each highlight's comment: the passages as written. */
function passageLines(text: string): string[] {
  const out: string[] = [];
  let inPassage = false;
  for (const line of text.split('\n')) {
    if (line === '%%') inPassage = true;
    else if (inPassage && line.startsWith('>')) out.push(line);
    else inPassage = false;
  }
  return out;
}

function roundTrip(model: HighlightFile): HighlightFile {
  return parsed(serializeHighlightFile(model)).model;
}

const EXAMPLE = file([
  highlight('h-1', selectorsOf(ENTRY_TEXT, 'the chief inhibitory neurotransmitter'), {
    note: 'Inhibitory: compare with [[Glutamate]].\n\nSee also the *Mechanism* section.',
  }),
  highlight('h-2', selectorsOf(ENTRY_TEXT, 'GABA-A\nand GABA-B receptors'), { colour: 'green' }),
]);

describe('serializeHighlightFile', () => {
  it('writes front matter, then per highlight a comment, the passage as a quote and the note', () => {
    expect(serializeHighlightFile(EXAMPLE)).toBe(
      [
        '---',
        'entry: gaba',
        'pack: neuro-glossary',
        'title: GABA',
        '---',
        '%% highlight',
        'id: "h-1"',
        'colour: yellow',
        'created: 2026-12-07T04:57:00.000Z',
        'updated: 2026-12-07T05:01:30.250Z',
        'start: 34',
        'end: 71',
        'prefix: "BA (gamma-aminobutyric acid) is "',
        'suffix: " of the mature\\nmammalian central"',
        '%%',
        '> the chief inhibitory neurotransmitter',
        '',
        'Inhibitory: compare with [[Glutamate]].',
        '',
        'See also the *Mechanism* section.',
        '',
        '%% highlight',
        'id: "h-2"',
        'colour: green',
        'created: 2026-12-07T04:57:00.000Z',
        'updated: 2026-12-07T05:01:30.250Z',
        'start: 167',
        'end: 194',
        'prefix: "onal excitability by binding to "',
        'suffix: "."',
        '%%',
        '> GABA-A',
        '> and GABA-B receptors',
        '',
      ].join('\n'),
    );
  });

  it('writes the example of docs/highlight-files.md', () => {
    const doc = readFileSync(new URL('../../../docs/highlight-files.md', import.meta.url), 'utf8');
    const example = /```markdown\n([^]*?)```/.exec(doc)?.[1];
    expect(example).toBe(serializeHighlightFile(EXAMPLE));
  });

  it('reads back what it wrote, and the passages still anchor in the entry', () => {
    const model = roundTrip(EXAMPLE);
    expect(model).toEqual(EXAMPLE);
    for (const h of model.highlights) {
      const at = anchor(ENTRY_TEXT, h.selectors);
      expect(at && ENTRY_TEXT.slice(at.start, at.end)).toBe(h.selectors.quote.exact);
    }
  });
});

const TRICKY_PASSAGES: Record<string, string> = {
  'quote marker': '> not a nested quote',
  'quote marker mid-line': 'a > b >> c',
  newlines: 'line one\nline two\n\nline four',
  'leading newline': '\nstarts on a new line',
  'trailing newline': 'ends with a break\n',
  'only newlines': '\n\n',
  backticks: '`code` and ```fence``` and\n```\nfenced\n```',
  'wiki link': '[[Glutamate]] and ![[Embed]] and [[[triple]]]',
  'obsidian comment': '50%% off %%hidden%% and %%',
  'comment opener line': '%% highlight',
  'comment closer line': '%%',
  'html comment end': 'a --> b <!-- c -->',
  'leading spaces': '   indented',
  'leading tab': '\tindented',
  'trailing spaces': 'spaced   ',
  'trailing tab': 'tabbed\t',
  'only spaces': '   ',
  'spaces around lines': '  a  \n  b  ',
  CRLF: 'windows\r\nline\r\n',
  'lone CR': 'old mac\rline',
  entities: '&amp; &lt; &#13; &#x41; &copy; R&D AT&T &',
  'entity-looking tail': '&#1',
  'angle brackets': 'a < b, a<b, <div>, </p>, <!x>, <?php',
  'hash and headings': '# Heading\n#tag #nested/tag C# a # b',
  'front matter delimiter': '---\nkey: value\n---',
  'yaml-looking': 'id: "x"\nstart: 3',
  backslashes: '\\%% highlight \\ \\\\',
  'control characters': 'bell\u0007 nul\u0000 del\u007f vt\u000b ff\u000c',
  'unicode separators': 'line\u2028separator\u2029paragraph',
  'unpaired surrogates': 'high \ud800 low \udc00 pair \ud83d\ude00',
  'non-ASCII': 'Über café — naïve 神経 🧠',
  BOM: '\ufeffbom',
  'non-breaking space at end': 'nbsp\u00a0',
};

describe('passages', () => {
  it.each(Object.entries(TRICKY_PASSAGES))('round-trips a passage with %s exactly', (_name, exact) => {
    const model = file([highlight('h', passage(exact, `pre ${exact}`, `${exact} post`))]);
    expect(roundTrip(model)).toEqual(model);
  });

  it('round-trips every tricky passage in one file', () => {
    const model = file(
      Object.values(TRICKY_PASSAGES).map((exact, i) =>
        highlight(`h${i}`, passage(exact), {
          colour: HIGHLIGHT_COLOURS[i % 5],
          note: `Note ${i}:\n${exact.trim() || 'x'}`,
        }),
      ),
    );
    const text = serializeHighlightFile(model);
    const back = parsed(text);
    expect(back.warnings).toEqual([]);
    expect(back.model.highlights.map((h) => h.selectors)).toEqual(model.highlights.map((h) => h.selectors));
  });

  it('writes passages as text a person reads, escaping only what would change or act', () => {
    expect(encodePassageLine('the chief inhibitory neurotransmitter')).toBe('the chief inhibitory neurotransmitter');
    expect(encodePassageLine('R&D, a < b, C# and 50% off')).toBe('R&D, a < b, C# and 50% off');
    expect(encodePassageLine('spaced  ')).toBe('spaced&#32;&#32;');
    expect(encodePassageLine('[[x]] %%y%% <b> &amp; #tag')).toBe('&#91;[x]] &#37;%y&#37;% &lt;b> &amp;amp; &#35;tag');
    expect(encodePassageLine('a\rb')).toBe('a&#13;b');
  });

  it('decodes only the references it writes, leaving other text alone', () => {
    expect(decodePassageLine('&#65;&amp;&lt;&copy;&#99999999;&gt;')).toBe('A&<&copy;&#99999999;&gt;');
  });

  it('leaves no trailing whitespace, carriage return, link, comment or tag in the quote lines', () => {
    const model = file(
      Object.values(TRICKY_PASSAGES).map((exact, i) => highlight(`h${i}`, passage(exact, exact, exact))),
    );
    const text = serializeHighlightFile(model);
    // Nor in the comments: a `%%` would end one early in Obsidian, a `[[` would count as a link.
    for (const line of text.split('\n').filter((l) => l !== '%%' && l !== '%% highlight')) {
      expect(line).not.toMatch(/%%|\[\[/);
    }
    expect(text).not.toMatch(/\r/);
    expect(text).not.toMatch(/[ \t]$/m);
    for (const line of passageLines(text)) {
      expect(line).not.toMatch(/\[\[|%%|<[A-Za-z/!?]|(?:^|\s)#\S/);
    }
  });
});

describe('injection corpus', () => {
  it.each(PAYLOADS.map((p) => [p.name, p.markdown]))('keeps %s as inert text in every field', (_name, payload) => {
    const model = file(
      [
        highlight('h-1', passage(payload, payload, payload), { note: payload }),
        highlight('h-2', passage(`before\n${payload}\nafter`), { note: `Before.\n\n${payload}\n\nAfter.` }),
      ],
      {
        entry: { id: payload, pack: payload, title: payload },
        frontMatterExtra: { tags: [payload] },
        preamble: payload,
      },
    );
    const text = serializeHighlightFile(model);
    const back = parsed(text);
    expect(back.model).toEqual(model);
    expect(back.warnings).toEqual([]);
    // In the quote block the payload is text: no tag, link or comment opens there.
    for (const line of passageLines(text)) {
      expect(line).not.toMatch(/<[A-Za-z/!?]|\[\[|%%/);
    }
  });
});

describe('notes and preamble', () => {
  it('keeps a note whose line reads like a highlight comment, and notes starting with a quote', () => {
    const notes = [
      '%% highlight',
      '\\%% highlight\n\\\\%%highlight',
      '> a quote of my own\n\nthen text',
      '%%\nnot a closer\n%%',
      '---\nnot front matter\n---',
      'line with trailing spaces  \nnext',
      '```\n%% highlight\n```',
    ];
    for (const note of notes) {
      const model = file([highlight('a', passage('x'), { note }), highlight('b', passage('y'), { note })], {
        preamble: note,
      });
      expect(roundTrip(model)).toEqual(model);
    }
  });

  it('normalizes notes to LF line breaks without blank lines around them', () => {
    const model = file([highlight('a', passage('x'), { note: '\n\r\n  first\r\nsecond\n\n' })]);
    expect(roundTrip(model).highlights[0]?.note).toBe('  first\nsecond');
    const empty = file([highlight('a', passage('x'), { note: '\n \n' })]);
    expect(roundTrip(empty).highlights[0]).not.toHaveProperty('note');
  });

  it('keeps front matter keys a person added (tags, aliases)', () => {
    const model = file([], { frontMatterExtra: { tags: ['neuro', 'exam'], cssclasses: 'wide' } });
    expect(roundTrip(model)).toEqual(model);
  });

  it('writes a title holding [[ without making a link in the front matter', () => {
    const model = file([], { entry: { id: 'e', pack: 'p', title: '[[Glutamate]] and %% and [[x' } });
    const text = serializeHighlightFile(model);
    expect(text).toContain('title: "\\u005b[Glutamate]] and \\u0025% and \\u005b[x"\n');
    expect(roundTrip(model)).toEqual(model);
  });

  it('round-trips titles that YAML would misread', () => {
    for (const title of [
      'yes',
      '123',
      'null',
      '- list',
      'a: b',
      '"quoted"',
      '  spaced  ',
      'two\nlines',
      '---',
      '#x',
      '',
    ]) {
      const model = file([], { entry: { id: '007', pack: 'true', title } });
      expect(roundTrip(model)).toEqual(model);
    }
  });
});

describe('files edited by hand', () => {
  const text = serializeHighlightFile(EXAMPLE);

  it('reads an edited margin note', () => {
    const edited = text.replace('See also the *Mechanism* section.', 'Rewritten by hand.\n- a list\n- too');
    expect(parsed(edited).model.highlights[0]?.note).toBe(
      'Inhibitory: compare with [[Glutamate]].\n\nRewritten by hand.\n- a list\n- too',
    );
  });

  it('reads a file whose first highlight block was deleted', () => {
    const start = text.indexOf('%% highlight');
    const second = text.indexOf('%% highlight', start + 1);
    const { model, warnings } = parsed(text.slice(0, start) + text.slice(second));
    expect(model.highlights.map((h) => h.id)).toEqual(['h-2']);
    expect(warnings).toEqual([]);
  });

  it('reads extra blank lines, CRLF line breaks, a quote without its space, and a note without a blank line', () => {
    const edited = text
      .replace('%%\n> the chief', '%%\n\n\n>the chief')
      .replace('> the chief inhibitory neurotransmitter\n\n', '> the chief inhibitory neurotransmitter\n')
      .replace(/\n/g, '\r\n')
      .replace('%% highlight', '\r\n\r\n%% highlight');
    const { model, warnings } = parsed(edited);
    expect(warnings).toEqual([]);
    expect(model).toEqual(EXAMPLE);
  });

  it('keeps text added before the first highlight as the preamble, and between blocks as the note above', () => {
    const edited = text
      .replace('---\n%% highlight', '---\n# My highlights of GABA\n\nRead for the exam.\n\n%% highlight')
      .replace('section.\n\n%% highlight', 'section.\n\nAdded between the blocks.\n\n%% highlight');
    const { model } = parsed(edited);
    expect(model.preamble).toBe('# My highlights of GABA\n\nRead for the exam.');
    expect(model.highlights[0]?.note).toMatch(/section\.\n\nAdded between the blocks\.$/);
    expect(serializeHighlightFile(model)).toContain('# My highlights of GABA\n\nRead for the exam.\n\n%% highlight');
  });

  it('keeps a block it cannot read, reports its line, and writes it back', () => {
    const broken = text.replace('start: 167', 'start: one hundred');
    const { model, warnings } = parsed(broken);
    expect(model.highlights.map((h) => h.id)).toEqual(['h-1']);
    expect(warnings).toEqual([
      'line 22: highlight not read, kept as it is: its start and end must be whole numbers, start no greater than end.',
    ]);
    expect(broken.split('\n')[21]).toBe('%% highlight');
    expect(model.unparsed).toHaveLength(1);
    expect(model.unparsed[0]).toContain('start: one hundred\nend: 194');
    const again = parsed(serializeHighlightFile(model));
    expect(again.model).toEqual(model);
    expect(again.warnings).toHaveLength(1);
  });

  it.each([
    ['no closing line', (t: string) => t.replace('suffix: "."\n%%', 'suffix: "."')],
    ['invalid YAML', (t: string) => t.replace('suffix: "."', 'suffix: "unterminated')],
    ['no passage', (t: string) => t.replace('> GABA-A\n> and GABA-B receptors', 'passage removed')],
    ['a bad id', (t: string) => t.replace('id: "h-2"', 'id: "has space"')],
    ['a duplicate id', (t: string) => t.replace('id: "h-2"', 'id: "h-1"')],
    [
      'a bad date',
      (t: string) => t.replace('colour: green\ncreated: 2026-12-07T04:57:00.000Z', 'colour: green\ncreated: yesterday'),
    ],
    ['start after end', (t: string) => t.replace('start: 167', 'start: 900')],
  ])('keeps the second highlight as unparsed text when it has %s', (_name, edit) => {
    const edited = edit(text);
    expect(edited).not.toBe(text);
    const { model, warnings } = parsed(edited);
    expect(model.highlights.map((h) => h.id)).toEqual(['h-1']);
    expect(model.unparsed).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^line \d+: highlight not read, kept as it is: /);
    expect(parsed(serializeHighlightFile(model)).model).toEqual(model);
  });

  it('reads an unknown colour as yellow and unknown keys, and says so', () => {
    const edited = text.replace('colour: green', 'colour: red\nlabel: mine');
    const { model, warnings } = parsed(edited);
    expect(model.highlights[1]?.colour).toBe('yellow');
    expect(warnings).toEqual([
      'line 22: highlight h-2 has colour "red", not one of yellow, green, blue, pink, purple: shown yellow.',
      'line 22: highlight h-2 has keys the app does not use, not kept: label.',
    ]);
  });

  it('decodes references a person typed in a passage', () => {
    const edited = text.replace('> GABA-A', '> GABA&#45;A');
    expect(parsed(edited).model.highlights[1]?.selectors.quote.exact).toBe('GABA-A\nand GABA-B receptors');
  });
});

describe('files that are not highlight files', () => {
  it.each([
    ['', 'line 1: a highlight file starts with front matter'],
    ['# Just a note\n', 'line 1: a highlight file starts with front matter'],
    ['---\nentry: [unclosed\n---\n', 'line 2: the front matter is not valid YAML'],
    ['---\npack: p\ntitle: t\n---\n', 'line 4: the front matter has no entry id'],
    ['---\nentry: e\ntitle: t\n---\n', 'line 4: the front matter has no pack id'],
    ['---\n- a list\n---\n', 'line 2: the front matter must be'],
    [`---\nentry: ${'['.repeat(50_000)}\n---\n`, 'line 2: the front matter is too large or too deeply nested'],
  ])('gives an error naming the line for %j', (text, message) => {
    const result = parseHighlightFile(text);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error.startsWith(message)).toBe(true);
  });

  it('names the line of a YAML error further down the front matter', () => {
    const result = parseHighlightFile('---\nentry: e\npack: p\ntitle: "open\n---\n');
    expect((result as { error: string }).error).toMatch(/^line [45]: the front matter is not valid YAML/);
  });

  it('never throws, whatever the text: every cut, deleted line and mutation of a valid file', () => {
    const text = serializeHighlightFile(
      file([...EXAMPLE.highlights, highlight('h-3', passage(Object.values(TRICKY_PASSAGES).join('\n')))], {
        preamble: 'intro',
      }),
    );
    const lines = text.split('\n');
    const inputs: string[] = [];
    for (let i = 0; i <= text.length; i += 3) inputs.push(text.slice(0, i), text.slice(i));
    for (let i = 0; i < lines.length; i++) inputs.push([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const junk = ['%%', '%% highlight', '>', '---', ':', '"', '[', '{', '\r', '\n', '&#', '\ud800', 'id: x', '- '];
    for (let n = 0; n < 500; n++) {
      const at = Math.floor(random() * text.length);
      inputs.push(text.slice(0, at) + junk[Math.floor(random() * junk.length)] + text.slice(at));
    }
    for (const input of inputs) {
      const result = parseHighlightFile(input);
      expect('model' in result || 'error' in result).toBe(true);
      if ('model' in result) expect(() => serializeHighlightFile(result.model)).not.toThrow();
    }
    expect(parseHighlightFile(undefined as unknown as string)).toHaveProperty('error');
  });
});

describe('round-trip property', () => {
  it('parse(serialize(m)) equals m for random models', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      'a',
      ' ',
      '  ',
      '\n',
      '\r\n',
      '\t',
      '>',
      '> ',
      '`',
      '[[',
      ']]',
      '%%',
      '-->',
      '<!--',
      '&',
      '&#13;',
      '#',
      'é',
      '🧠',
      '\\',
      '"',
      "'",
      ':',
      '- ',
      '---',
    ];
    const text = (max: number) => {
      let out = '';
      const n = 1 + Math.floor(random() * max);
      for (let i = 0; i < n; i++) out += pieces[Math.floor(random() * pieces.length)];
      return out;
    };
    for (let n = 0; n < 300; n++) {
      const exact = text(12);
      const model = file(
        [
          highlight(`h${n}`, passage(exact, text(6), text(6)), {
            colour: HIGHLIGHT_COLOURS[n % 5],
            note: random() < 0.5 ? undefined : ('x' + text(10) + 'y').replace(/\r/g, ''),
          }),
        ],
        { entry: { id: `e${n}`, pack: 'p', title: text(8) } },
      );
      if (model.highlights[0]?.note === undefined) delete model.highlights[0]?.note;
      expect(roundTrip(model)).toEqual(model);
    }
  });
});
