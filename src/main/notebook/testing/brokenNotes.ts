import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Note files a real vault ends up holding sooner or later: text in another encoding, a
 * binary file named `.md`, front matter a hand edit or a sync conflict broke, and files
 * far larger than notes usually are. Shared by the broken-data unit tests and e2e specs.
 *
 * Every note but the binary one links to `[[Target]]` and holds its own marker word, so
 * tests can check that links and search still see it.
 */
export interface BrokenNote {
  /** The file name without `.md` (the note title). */
  title: string;
  bytes: Buffer;
  /** How the app must open it: editable, or read-only (with a notice saying why). */
  opens: 'editable' | 'read-only';
  /** A word only this note holds (search finds the note by it), or null. */
  marker: string | null;
}

/** A deterministic stream of bytes (xorshift), so failures reproduce. */
function junk(length: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const WORDS = ['cell', 'membrane', 'neuron', 'synapse', 'glia', 'axon', 'receptor', 'ligand', 'channel', 'ion'];

/** `count` words separated by spaces (and a line break every `perLine` words, if given). */
export function manyWords(count: number, perLine = 0): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(WORDS[i % WORDS.length] as string);
    parts.push(perLine > 0 && (i + 1) % perLine === 0 ? '\n' : ' ');
  }
  return parts.join('');
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

export function brokenNotes(): BrokenNote[] {
  const hugeFrontMatter = Array.from({ length: 20_000 }, (_, i) => `key${i}: ${'value '.repeat(15)}`).join('\n');
  const aliasBomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'aliases: *e',
  ].join('\n');
  return [
    {
      title: 'Latin-1 text',
      // "Café crème" in ISO-8859-1: bytes that are not UTF-8.
      bytes: Buffer.concat([
        utf8('Caf'),
        Buffer.from([0xe9]),
        utf8(' cr'),
        Buffer.from([0xe8]),
        utf8('me latinmarker [[Target]]\n'),
      ]),
      opens: 'read-only',
      marker: null,
    },
    {
      title: 'Truncated UTF-8',
      // A multi-byte character cut in half at the end, as a failed copy leaves it.
      bytes: Buffer.concat([utf8('Cut short truncmarker [[Target]] na\u00ef'), Buffer.from([0xe2, 0x82])]),
      opens: 'read-only',
      marker: null,
    },
    {
      title: 'Binary junk',
      bytes: Buffer.concat([utf8('PK\u0003\u0004'), junk(64 * 1024)]),
      opens: 'read-only',
      marker: null,
    },
    {
      title: 'Unclosed front matter',
      bytes: utf8('---\naliases: [Never Closed]\ntags: [draft]\n\nunclosedmarker body [[Target]].\n'),
      opens: 'editable',
      marker: 'unclosedmarker',
    },
    {
      title: 'Invalid YAML',
      bytes: utf8('---\naliases: [one, two\ntags: : : [\n  - {x: ]\n---\n\ninvalidyamlmarker body [[Target]].\n'),
      opens: 'editable',
      marker: 'invalidyamlmarker',
    },
    {
      title: 'Tabs in front matter',
      bytes: utf8('---\n\taliases:\n\t\t- Tabbed\ntags:\t[x]\n---\n\ntabsmarker body [[Target]].\n'),
      opens: 'editable',
      marker: 'tabsmarker',
    },
    {
      title: 'Huge front matter',
      bytes: utf8(`---\n${hugeFrontMatter}\n---\n\nhugefrontmarker body [[Target]].\n`),
      opens: 'editable',
      marker: 'hugefrontmarker',
    },
    {
      title: 'Deeply nested YAML',
      bytes: utf8(`---\naliases: ${'['.repeat(50_000)}\n---\n\ndeepyamlmarker body [[Target]].\n`),
      opens: 'editable',
      marker: 'deepyamlmarker',
    },
    {
      title: 'YAML alias bomb',
      bytes: utf8(`---\n${aliasBomb}\n---\n\nbombmarker body [[Target]].\n`),
      opens: 'editable',
      marker: 'bombmarker',
    },
    {
      title: 'One 10 MB line',
      bytes: utf8(`longlinemarker [[Target]] ${manyWords(1_300_000)}`.slice(0, 10 * 1024 * 1024)),
      opens: 'editable',
      marker: 'longlinemarker',
    },
    {
      title: '200,000 words',
      bytes: utf8(`manywordsmarker [[Target]]\n\n${manyWords(200_000, 12)}`),
      opens: 'editable',
      marker: 'manywordsmarker',
    },
  ];
}

/** Writes every broken note (and the `Target` they link to) into `vaultDir`. */
export function writeBrokenNotes(vaultDir: string): BrokenNote[] {
  const notes = brokenNotes();
  for (const note of notes) writeFileSync(join(vaultDir, `${note.title}.md`), note.bytes);
  writeFileSync(join(vaultDir, 'Target.md'), 'The note the broken ones link to.\n');
  return notes;
}
