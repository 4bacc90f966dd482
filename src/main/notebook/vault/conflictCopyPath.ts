import { folderOfPath, notePathFor, titleOfPath } from '@shared/domain/notePath';

/** Longest file name (in UTF-8 bytes) a conflict copy gets; file systems allow 255. */
const MAX_NAME_BYTES = 240;

/**
 * Where a conflict copy of `path` goes: beside it, named
 * `<Title> (conflict YYYY-MM-DD HHMMSS).md` in local time, as sync tools name theirs.
 * `attempt` 2, 3, … adds a number for when that name is taken. The title is shortened
 * if needed so the name stays within file-system limits.
 */
export function conflictCopyPath(path: string, when: Date, attempt = 1): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}-${p(when.getMonth() + 1)}-${p(when.getDate())} ${p(when.getHours())}${p(when.getMinutes())}${p(when.getSeconds())}`;
  const suffix = ` (conflict ${stamp}${attempt > 1 ? ` ${attempt}` : ''})`;
  let title = titleOfPath(path);
  while (title.length > 0 && byteLength(`${title}${suffix}.md`) > MAX_NAME_BYTES) {
    title = [...title]
      .slice(0, -1)
      .join('')
      .replace(/[. ]+$/, '');
  }
  return notePathFor(folderOfPath(path), `${title}${suffix}`);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
