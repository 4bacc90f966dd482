import { describe, expect, it } from 'vitest';
import { PackImportError } from '../PackImportError';
import { decodeSource, decodeWindows1252 } from './decodeSource';

describe('decodeSource', () => {
  it('drops a UTF-8 BOM and makes every line break \\n', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\r\nb\rc\nd', 'utf8')]);
    expect(decodeSource(bytes, 'x.csv')).toEqual({ text: 'a\nb\nc\nd', encoding: 'utf-8', detected: true });
  });

  it('reads UTF-16 big-endian with a BOM', () => {
    const le = Buffer.from('Zoë\tx', 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
    expect(decodeSource(bytes, 'x.txt')).toMatchObject({ text: 'Zoë\tx', encoding: 'utf-16be' });
  });

  it('refuses an invalid UTF-8 file that says it is UTF-8 (a BOM) rather than guessing', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe9, 0x62]);
    expect(() => decodeSource(bytes, 'x.csv')).toThrow(PackImportError);
  });

  it('refuses binary data', () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 31 || 1));
    expect(() => decodeSource(noise, 'x.bin')).toThrow('x.bin: this looks like binary data, not a text export.');
  });
});

describe('decodeWindows1252', () => {
  it('decodes the characters Latin-1 lacks, as the WHATWG index maps them', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f, 0xe9]))).toBe(
      '€…‘’“”–—™Ÿé',
    );
  });
});
