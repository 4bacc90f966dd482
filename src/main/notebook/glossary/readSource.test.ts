import { describe, expect, it } from 'vitest';
import { GlossaryImportError } from './GlossaryImportError';
import { readSource } from './readSource';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function problemOf(input: Uint8Array): string {
  try {
    readSource(input, 'bad.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryImportError);
    expect((error as Error).message.startsWith('bad.txt: ')).toBe(true);
    return (error as GlossaryImportError).problem;
  }
  throw new Error('readSource accepted the input');
}

describe('readSource', () => {
  it('decodes UTF-8 text, keeping typographic characters exactly', () => {
    expect(readSource(bytes('The brain’s “balance” — GABA\n'), 'a.txt')).toBe('The brain’s “balance” — GABA\n');
  });

  it('normalises CRLF and lone CR line breaks to LF', () => {
    expect(readSource(bytes('one\r\ntwo\rthree\n'), 'a.txt')).toBe('one\ntwo\nthree\n');
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(readSource(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Text')]), 'a.txt')).toBe('Text');
  });

  it('keeps tabs', () => {
    expect(readSource(bytes('a\tb'), 'a.txt')).toBe('a\tb');
  });

  it('rejects an empty or whitespace-only file', () => {
    expect(problemOf(new Uint8Array())).toBe('file is empty');
    expect(problemOf(bytes(' \r\n\t\n'))).toBe('file is empty');
  });

  it('rejects NUL bytes as binary data, saying where', () => {
    expect(problemOf(bytes('abc\u0000def'))).toBe('contains binary data (a NUL byte at offset 3), not text');
  });

  it('rejects other control characters as binary data, saying on which line', () => {
    expect(problemOf(bytes('ok\nstill ok\nbell \u0007 here'))).toBe(
      'contains binary data (control character U+0007 on line 3), not text',
    );
  });

  it('rejects invalid UTF-8 instead of inserting replacement characters', () => {
    expect(problemOf(new Uint8Array([0x41, 0xff, 0x42]))).toBe('is not valid UTF-8 text');
    // A Latin-1 encoded "é": valid bytes in another encoding, invalid as UTF-8.
    expect(problemOf(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('is not valid UTF-8 text');
    // A truncated multi-byte sequence at the end.
    expect(problemOf(new Uint8Array([0x41, 0xe2, 0x80]))).toBe('is not valid UTF-8 text');
  });

  it('rejects typical binary files (a PNG header)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(problemOf(png)).toMatch(/binary data|not valid UTF-8/);
  });
});
