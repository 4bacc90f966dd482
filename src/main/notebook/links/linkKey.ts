import { folderOfPath } from '@shared/domain/notePath';
import { normalizeLinkTarget, normalizeName } from '@shared/links/normalizeLinkTarget';

/**
 * The key a link is indexed and resolved by: its normalized target (see
 * normalizeLinkTarget), with paths that depend on where the link is written made
 * absolute. `./x` and `../x` are read from the linking note's folder, and a leading `/`
 * from the vault root; both become `/folder/x`, a key that only an exact note path
 * answers. A relative path climbing above the vault stays as written (it resolves to
 * nothing). `''` is a link to a heading of the same note (`[[#Heading]]`).
 */
export function linkKeyOf(target: string, fromPath: string): string {
  const key = normalizeLinkTarget(target);
  if (key === '' || key.startsWith('/')) return key;
  if (key !== '.' && key !== '..' && !key.startsWith('./') && !key.startsWith('../')) return key;
  const folder = normalizeName(folderOfPath(fromPath));
  const parts = folder === '' ? [] : folder.split('/');
  for (const part of key.split('/')) {
    if (part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return key;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return `/${parts.join('/')}`;
}
