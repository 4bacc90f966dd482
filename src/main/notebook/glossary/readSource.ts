import { GlossaryImportError } from './GlossaryImportError';

// `fatal` turns malformed sequences into an exception instead of silently inserting U+FFFD,
// which would corrupt a definition without anyone noticing. A leading BOM is dropped.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes the bytes of a glossary source file into text with `\n` line endings.
 *
 * CRLF and lone CR line breaks become `\n`; a UTF-8 byte order mark is dropped; nothing
 * else is changed.
 *
 * @throws GlossaryImportError naming `fileName` when the file is empty or only whitespace,
 *   contains a NUL byte or another control character (other than tab and line breaks),
 *   i.e. looks like binary data, or is not valid UTF-8.
 */
export function readSource(bytes: Uint8Array, fileName: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new GlossaryImportError(fileName, `contains binary data (a NUL byte at offset ${nul}), not text`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new GlossaryImportError(fileName, 'is not valid UTF-8 text');
  }
  text = text.replace(/\r\n?/g, '\n');
  const control = findControlCharacter(text);
  if (control) {
    throw new GlossaryImportError(
      fileName,
      `contains binary data (control character U+${control.code.toString(16).toUpperCase().padStart(4, '0')} on line ${control.line}), not text`,
    );
  }
  if (text.trim() === '') throw new GlossaryImportError(fileName, 'file is empty');
  return text;
}

function findControlCharacter(text: string): { code: number; line: number } | undefined {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) line++;
    else if ((code < 0x20 && code !== 0x09) || code === 0x7f) return { code, line };
  }
  return undefined;
}
