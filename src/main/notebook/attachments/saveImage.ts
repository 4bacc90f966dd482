import { promises as fs } from 'node:fs';
import { join, posix } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { writeFileExclusive } from '../fs/writeFileAtomic';
import { IMAGE_TYPES, sniffImage } from './sniffImage';

/** The largest image saved from a paste, drop or the Insert image command. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * Where attachments go when the vault has no Obsidian setting: a folder `attachments` at
 * the vault root (Obsidian's own default, the vault root itself, would scatter pasted
 * screenshots among the notes). Documented in the README.
 */
export const DEFAULT_ATTACHMENT_FOLDER = 'attachments';

/**
 * The folder (vault-relative, `''` for the root) Obsidian's `attachmentFolderPath` in
 * `.obsidian/app.json` names for a note at `notePath`: `/` is the vault root, `./` the
 * note's folder, `./sub` a folder under it, anything else a folder of the vault. A setting
 * that is missing, unreadable or leads outside the vault (or into a hidden folder) gives
 * DEFAULT_ATTACHMENT_FOLDER.
 */
export async function attachmentFolderFor(vaultPath: string, notePath: string): Promise<string> {
  let setting: unknown;
  try {
    setting = (
      JSON.parse(await fs.readFile(join(vaultPath, '.obsidian', 'app.json'), 'utf8')) as Record<string, unknown>
    ).attachmentFolderPath;
  } catch {
    return DEFAULT_ATTACHMENT_FOLDER;
  }
  if (typeof setting !== 'string' || setting.trim() === '') return DEFAULT_ATTACHMENT_FOLDER;
  const written = setting.trim().replace(/\\/g, '/');
  const noteFolder = posix.dirname(notePath) === '.' ? '' : posix.dirname(notePath);
  const joined =
    written === '/' ? '' : written === '.' || written.startsWith('./') ? posix.join(noteFolder, written) : written;
  const folder = posix.normalize(joined === '' ? '.' : joined).replace(/^\/+|\/+$/g, '');
  if (folder === '.' || folder === '') return '';
  if (folder.split('/').some((part) => part === '..' || part.startsWith('.'))) return DEFAULT_ATTACHMENT_FOLDER;
  return folder;
}

/** `Pasted image 20261204153000` for a date, in local time, as Obsidian names pasted images. */
export function pastedImageName(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `Pasted image ${stamp}`;
}

/**
 * Saves image bytes into the attachment folder for `notePath` as
 * `Pasted image YYYYMMDDHHmmss.<ext>` (` 1`, ` 2`… added on a clash; never replaces a
 * file), the extension from the bytes. Returns the new file's vault path and the embed to
 * insert, `![[name]]` (Obsidian resolves it by name).
 * @throws invalid-arguments when the bytes are not a supported image or larger than MAX_IMAGE_BYTES.
 */
export async function saveImage(
  vaultPath: string,
  notePath: string,
  bytes: Uint8Array,
  now: Date = new Date(),
): Promise<{ path: string; embed: string }> {
  if (bytes.length > MAX_IMAGE_BYTES)
    throw new NotebookError('invalid-arguments', `The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const type = sniffImage(bytes);
  if (!type) throw new NotebookError('invalid-arguments', 'This is not a PNG, JPEG, GIF, WebP, AVIF or SVG image.');
  const folder = await attachmentFolderFor(vaultPath, notePath);
  const folderPath = join(vaultPath, ...folder.split('/').filter(Boolean));
  await fs.mkdir(folderPath, { recursive: true });
  const base = pastedImageName(now);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = `${base}${attempt === 0 ? '' : ` ${attempt}`}.${IMAGE_TYPES[type]}`;
    try {
      await writeFileExclusive(join(folderPath, name), bytes);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    return { path: folder === '' ? name : `${folder}/${name}`, embed: `![[${name}]]` };
  }
  throw new NotebookError('conflict', 'Too many images with this name already exist.');
}
