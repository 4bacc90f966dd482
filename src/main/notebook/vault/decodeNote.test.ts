import { describe, expect, it } from 'vitest';
import { decodeNote } from './decodeNote';
import { versionOf } from './noteVersion';

describe('decodeNote', () => {
  it('decodes valid UTF-8 exactly, byte order mark included, so it round-trips', () => {
    const bytes = Buffer.from('\uFEFF# Zellen – Größe 🧫\r\n');
    const { content, readOnly } = decodeNote(bytes);
    expect(readOnly).toBeNull();
    expect(Buffer.from(content)).toEqual(bytes);
  });

  it('marks invalid UTF-8 read-only and decodes it leniently', () => {
    const { content, readOnly } = decodeNote(Buffer.from([0x41, 0xff, 0x42]));
    expect(content).toBe('A\uFFFDB');
    expect(readOnly?.reason).toMatch(/not valid UTF-8/);
  });

  it('marks NUL bytes read-only', () => {
    expect(decodeNote(Buffer.from('a\u0000b')).readOnly?.reason).toMatch(/NUL/);
  });
});

describe('versionOf', () => {
  it('is a short URL-safe hash that changes with any byte', () => {
    expect(versionOf(Buffer.from('a'))).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(versionOf(Buffer.from('a'))).toBe(versionOf(Buffer.from('a')));
    expect(versionOf(Buffer.from('a'))).not.toBe(versionOf(Buffer.from('a\n')));
  });
});
