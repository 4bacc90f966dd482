import { PackImportError } from '../PackImportError';

/** A source's text, and how it was read. */
export interface DecodedText {
  /** With `\n` line endings and no byte order mark. */
  text: string;
  /** The WHATWG name of the encoding used ('utf-8', 'utf-16le', 'windows-1252', …). */
  encoding: string;
  /** True when the encoding was found (a byte order mark, valid UTF-8, a guess), false when given. */
  detected: boolean;
}

/**
 * Decodes a source file's bytes into text.
 *
 * With `encoding` (any WHATWG label, e.g. "latin1", "shift_jis", "utf-16le"), the bytes
 * must be valid in it. Without, the encoding is detected: a byte order mark (UTF-8,
 * UTF-16 LE/BE), UTF-16 without one (every other byte zero, as Excel's "Unicode text"),
 * else UTF-8 when the bytes are valid UTF-8, else windows-1252 (what Excel and older
 * Windows tools write for Western languages; every byte is a character there, so this
 * never fails: the preview shows the result before anything is imported).
 *
 * CRLF and lone CR line breaks become `\n`.
 *
 * @throws PackImportError naming `fileName` for an unknown encoding label, bytes invalid in
 *   the given encoding, an empty file, or binary data (NUL bytes or many control characters).
 */
export function decodeSource(bytes: Uint8Array, fileName: string, encoding?: string): DecodedText {
  const detected = encoding === undefined;
  let label: string;
  if (encoding !== undefined) {
    try {
      label = new TextDecoder(encoding).encoding;
    } catch {
      throw new PackImportError(
        `${fileName}: “${encoding}” is not an encoding this app knows (try utf-8, utf-16le, windows-1252 or latin1).`,
      );
    }
  } else {
    label = detectEncoding(bytes);
    const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    if (label === 'utf-8' && !utf8Bom && !isUtf8(bytes)) label = 'windows-1252';
  }
  if (!label.startsWith('utf-16')) {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      throw new PackImportError(`${fileName}: this is binary data (a NUL byte at offset ${nul}), not a text export.`);
    }
  }
  let text: string;
  try {
    text = label === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new PackImportError(
      `${fileName}: the file is not valid ${label} text.${detected ? '' : ' Choose another encoding, or let it be detected.'}`,
    );
  }
  // A BOM the decoder did not take (a UTF-8 BOM in a file read as windows-1252 is "ï»¿").
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new PackImportError(`${fileName}: the file is empty.`);
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 100) {
    throw new PackImportError(`${fileName}: this looks like binary data, not a text export.`);
  }
  return { text, encoding: label, detected };
}

function detectEncoding(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: text in Latin scripts has a zero in every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length >= 4) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < sample.length; i += 2) {
      if (sample[i] === 0) evenZeros++;
      if (sample[i + 1] === 0) oddZeros++;
    }
    const pairs = sample.length / 2;
    if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
    if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  }
  return 'utf-8';
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// windows-1252's characters at 0x80–0x9F (the rest of the range 0x00–0xFF is Latin-1):
// Node's TextDecoder decodes 'windows-1252' as Latin-1 and turns these into C1 controls.
// Unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as their C1 code points, as the WHATWG
// index has them.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes windows-1252 (what "latin1" and "iso-8859-1" mean on the web, too). Never fails. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
