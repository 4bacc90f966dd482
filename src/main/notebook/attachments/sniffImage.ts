/**
 * What kind of image some bytes are, read from the bytes themselves (never from a file
 * name): PNG, JPEG, GIF, WebP, AVIF and SVG, the formats the app shows. Pure and shared by
 * the file server (the Content-Type it sends) and image saving (what it accepts).
 */

/** The image types the app serves and saves, with the extension a saved file gets. */
export const IMAGE_TYPES = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/svg+xml': 'svg',
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/**
 * The image type of `bytes`, or null when they are none of the supported formats. SVG is
 * recognized by an `<svg` root element near the start (after an optional BOM, XML
 * declaration, comments and doctype), so an HTML file named `.svg` is not an image.
 */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 8) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 12))) return 'image/avif';
  return isSvg(bytes) ? 'image/svg+xml' : null;
}

const SVG_PROLOGUE =
  /^\uFEFF?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:(?:<!--[^]{0,2000}?-->|<!DOCTYPE[^>]{0,500}>)\s*)*<svg[\s>]/i;

function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  return SVG_PROLOGUE.test(head);
}
