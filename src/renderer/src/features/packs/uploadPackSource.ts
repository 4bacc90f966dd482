import type { NotebookApi } from '@shared/api/NotebookApi';

/** What the user picked: one file, or a folder's files (as a folder input gives them). */
export type PackSelection =
  | { kind: 'file'; name: string; file: File }
  | { kind: 'folder'; name: string; files: Array<{ path: string; file: File }> };

/** Bytes per call: the contract takes at most 4 MiB a chunk. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

// Only the files a folder import reads are sent (not a vault's images and PDFs).
const FOLDER_SOURCE = /\.(?:md|markdown|txt)$|^manifest\.json$/i;

/**
 * The folder a folder input gave, from its files' `webkitRelativePath` ("Notes/Bio/Cells.md"):
 * the folder's name and its files' paths inside it, hidden files and folders and files no
 * folder import reads left out. Null when the list holds no file of a folder.
 */
export function folderSelection(list: FileList | readonly File[]): PackSelection | null {
  const all = Array.from(list);
  const first = all[0]?.webkitRelativePath.split('/')[0];
  if (!first) return null;
  const files = all.flatMap((file) => {
    const segments = file.webkitRelativePath.split('/').slice(1);
    const hidden = segments.some((segment) => segment.startsWith('.'));
    return hidden || !FOLDER_SOURCE.test(segments.at(-1) ?? '') ? [] : [{ path: segments.join('/'), file }];
  });
  return { kind: 'folder', name: first, files };
}

/**
 * Hands the picked file or folder to the backend (see NotebookApi.startPackUpload), chunk by
 * chunk, and returns the upload's id. `onProgress` gets the bytes sent so far and in all.
 */
export async function uploadPackSource(
  api: Pick<NotebookApi, 'startPackUpload' | 'appendPackUpload'>,
  selection: PackSelection,
  onProgress: (sent: number, total: number) => void,
): Promise<string> {
  const files = selection.kind === 'file' ? [{ path: selection.name, file: selection.file }] : selection.files;
  const total = files.reduce((sum, { file }) => sum + file.size, 0);
  const { uploadId } = await api.startPackUpload({ name: selection.name, kind: selection.kind });
  let sent = 0;
  onProgress(0, total);
  for (const { path, file } of files) {
    // An empty file still exists in the upload (a folder import lists it as a problem).
    for (let start = 0; start < file.size || (start === 0 && file.size === 0); start += UPLOAD_CHUNK_BYTES) {
      const chunk = file.slice(start, start + UPLOAD_CHUNK_BYTES);
      await api.appendPackUpload({ uploadId, path, data: await base64Of(chunk) });
      sent += chunk.size;
      onProgress(sent, total);
      if (file.size === 0) break;
    }
  }
  return uploadId;
}

/** A blob's bytes as base64, read by the browser (no string of every byte built by hand). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}
