/** Where the editor finds the vault's files: the note being edited, and the host's URLs. */
import { createContext } from 'react';

/** Where the images of the note being edited are looked for: the note's path. */
export const ImageHostContext = createContext<{ notePath: string | null }>({ notePath: null });

/**
 * Without a media host (tests, a preview): the vault paths an image target may name, in
 * the order tried: beside the note, from the vault root, then in the default attachment
 * folder. With one, the backend finds it anywhere in the vault (see AttachmentIndex).
 */
export function imageCandidates(target: string, notePath: string | null): string[] {
  const clean = target.trim().replace(/^\.\//, '');
  const folder = notePath && notePath.includes('/') ? notePath.slice(0, notePath.lastIndexOf('/')) : '';
  const paths = [folder ? `${folder}/${clean}` : clean, clean, `attachments/${clean}`];
  return [...new Set(paths)].filter((path) => !path.split('/').some((part) => part === '..' || part.startsWith('.')));
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** The host's URL of an image of the vault (same origin: the app's CSP allows nothing else). */
export function vaultFileUrl(path: string): string {
  return `/vault-file/${encodePath(path)}`;
}

/** The browser build's download URL of an attachment of the vault. */
export function vaultDownloadUrl(path: string): string {
  return `/vault-download/${encodePath(path)}`;
}
