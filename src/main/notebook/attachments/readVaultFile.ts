import { promises as fs } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { sniffImage, type ImageType } from './sniffImage';

/** The largest file served from a vault (an image in a note). */
export const MAX_VAULT_FILE_BYTES = 64 * 1024 * 1024;

/** A file of the vault as a host serves it. */
export interface VaultFile {
  bytes: Buffer;
  /** Read from the bytes (see sniffImage), never from the name. */
  contentType: ImageType;
}

/**
 * The headers every served vault file carries: never sniffed, never run as a document
 * (an SVG opened on its own gets a sandboxed, script-less page), same-origin only.
 */
export const VAULT_FILE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'",
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/**
 * The vault-relative path a URL path names (`/vault-file/sub/x%20y.png` → `sub/x y.png`,
 * given the part after the prefix), or null when it is not a plain path inside the vault:
 * malformed escapes, NUL, backslashes, an absolute path, empty parts, `.` or `..` parts,
 * and hidden parts (`.obsidian`, `.git`: the app's and tools' own files) are refused.
 */
export function vaultPathOfUrl(encoded: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  if (path === '' || path.length > 1024 || /[\0\\]/.test(path) || path.startsWith('/') || /^[A-Za-z]:/.test(path))
    return null;
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part.startsWith('.'))) return null;
  return path;
}

/**
 * Reads an image of the vault for a host to serve, or null when there is none to serve:
 * a path refused by vaultPathOfUrl, a file that is missing, not a regular file, larger
 * than MAX_VAULT_FILE_BYTES, reached through a symbolic link leading out of the vault, or
 * whose bytes are not a supported image. Never throws for a bad path or file.
 */
export async function readVaultFile(vaultPath: string, path: string): Promise<VaultFile | null> {
  if (vaultPathOfUrl(encodeURIComponent(path).replace(/%2F/g, '/')) === null) return null;
  try {
    const root = await fs.realpath(resolve(vaultPath));
    const real = await fs.realpath(resolve(root, ...path.split('/')));
    const inside = relative(root, real);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
    const stat = await fs.stat(real);
    if (!stat.isFile() || stat.size > MAX_VAULT_FILE_BYTES) return null;
    const bytes = await fs.readFile(real);
    const contentType = sniffImage(bytes);
    return contentType ? { bytes, contentType } : null;
  } catch {
    return null;
  }
}
