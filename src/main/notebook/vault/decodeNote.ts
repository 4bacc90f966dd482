const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export interface DecodedNote {
  /** The text; exact for a valid UTF-8 file (a byte order mark is kept), best effort otherwise. */
  content: string;
  /** Why the app must not write this text back, or null when it may. */
  readOnly: { reason: string } | null;
}

/**
 * Turns a note file's bytes into text. A valid UTF-8 file decodes exactly, so writing
 * the text back gives the same bytes. A file that is not valid UTF-8, or holds NUL bytes
 * (a binary file named .md), is decoded leniently (bad bytes become U+FFFD) so it can be
 * viewed, and marked read-only: saving that text would destroy the original bytes.
 */
export function decodeNote(bytes: Uint8Array): DecodedNote {
  if (bytes.includes(0)) {
    return {
      content: lenient.decode(bytes).replaceAll('\u0000', '\uFFFD'),
      readOnly: { reason: 'This file contains binary data (NUL bytes), so the app shows it but does not edit it.' },
    };
  }
  try {
    return { content: strict.decode(bytes), readOnly: null };
  } catch {
    return {
      content: lenient.decode(bytes),
      readOnly: {
        reason:
          'This file is not valid UTF-8 text, so the app shows it but does not edit it (saving would change bytes it cannot show).',
      },
    };
  }
}
