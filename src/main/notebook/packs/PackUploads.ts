import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { MAX_SOURCE_BYTES } from './readPackSource';

/** Most files one folder upload may hold. */
export const MAX_UPLOAD_FILES = 200_000;
/** An upload not touched for this long is deleted (the page that started it went away). */
const IDLE_MS = 60 * 60 * 1000;
const MAX_PATH_DEPTH = 32;

interface Upload {
  name: string;
  kind: 'file' | 'folder';
  bytes: number;
  files: Set<string>;
  touched: number;
}

/**
 * Sources handed over by the page for import (see NotebookApi.startPackUpload): the page
 * sends the bytes of what the user picked in a file dialog, never a path for the backend
 * to read, so a compromised page cannot make it read `/etc` or the home folder.
 *
 * Each upload is a folder `<dir>/<id>/` holding the file (`<id>/<name>`) or the folder's
 * files (`<id>/<name>/<path>`), which readPackSource then reads like any other source.
 * Paths are checked to stay inside it; sizes and file counts are capped. Everything under
 * `dir` is deleted when the notebook opens (uploads do not outlive the app).
 */
export class PackUploads {
  private readonly uploads = new Map<string, Upload>();

  private constructor(
    private readonly dir: string,
    private readonly now: () => number,
  ) {}

  /** Clears what a previous run left, and opens the uploads folder `dir` (in the state folder). */
  static async open(dir: string, now: () => number = Date.now): Promise<PackUploads> {
    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir, { recursive: true });
    return new PackUploads(dir, now);
  }

  async start(name: string, kind: 'file' | 'folder'): Promise<string> {
    await this.expire();
    const problem = segmentProblem(name);
    if (problem) throw new NotebookError('invalid-arguments', `“${name}” cannot be uploaded: ${problem}.`);
    const id = randomBytes(16).toString('hex');
    await fs.mkdir(join(this.dir, id, ...(kind === 'folder' ? [name] : [])), { recursive: true });
    this.uploads.set(id, { name, kind, bytes: 0, files: new Set(), touched: this.now() });
    return id;
  }

  /** Appends base64-decoded `data` to one file of the upload; returns the upload's size so far. */
  async append(id: string, path: string, data: Buffer): Promise<number> {
    const upload = this.get(id);
    const segments = path.split('/');
    if (upload.kind === 'file' ? path !== upload.name : segments.length > MAX_PATH_DEPTH) {
      throw new NotebookError('invalid-arguments', `“${path}” is not a file of this upload.`);
    }
    for (const segment of segments) {
      const problem = segmentProblem(segment);
      if (problem) throw new NotebookError('invalid-arguments', `“${path}” cannot be uploaded: ${problem}.`);
    }
    if (upload.bytes + data.length > MAX_SOURCE_BYTES) {
      throw new NotebookError(
        'invalid-arguments',
        `${upload.name} is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB; split it into several packs.`,
      );
    }
    if (!upload.files.has(path) && upload.files.size >= MAX_UPLOAD_FILES) {
      throw new NotebookError('invalid-arguments', `${upload.name} has more than ${MAX_UPLOAD_FILES} files.`);
    }
    const target =
      upload.kind === 'file' ? join(this.dir, id, upload.name) : join(this.dir, id, upload.name, ...segments);
    if (segments.length > 1) await fs.mkdir(join(target, '..'), { recursive: true });
    await fs.appendFile(target, data);
    upload.files.add(path);
    upload.bytes += data.length;
    upload.touched = this.now();
    return upload.bytes;
  }

  /** Where the upload's file or folder is, for readPackSource. */
  sourcePath(id: string): string {
    const upload = this.get(id);
    return join(this.dir, id, upload.name);
  }

  async discard(id: string): Promise<void> {
    this.uploads.delete(id);
    await fs.rm(join(this.dir, id), { recursive: true, force: true });
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload)
      throw new NotebookError(
        'not-found',
        'This upload is gone (it was imported, closed or left unused); pick the file again.',
      );
    upload.touched = this.now();
    return upload;
  }

  private async expire(): Promise<void> {
    const now = this.now();
    for (const [id, upload] of this.uploads) if (now - upload.touched > IDLE_MS) await this.discard(id);
  }
}

/** Why a file or folder name cannot be stored as given, or null. */
function segmentProblem(segment: string): string | null {
  if (segment === '' || segment === '.' || segment === '..') return 'an empty, "." or ".." name';
  if (segment.length > 255) return 'a name longer than 255 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(segment)) return 'a name with a backslash or a control character';
  if (process.platform === 'win32' && /[:*?"<>|]/.test(segment)) return 'a name with : * ? " < > or |';
  return null;
}
