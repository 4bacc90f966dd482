import type { Dirent } from 'node:fs';
import { promises as fs } from 'node:fs';
import { join, posix } from 'node:path';
import { imageSize } from 'image-size';
import { attachmentKindOf, type AttachmentInfo } from '@shared/domain/attachments';
import { isIgnoredName, isNoteFileName } from '../vault/isIgnoredName';

/** A vault holding more files than this is listed up to it (the rest resolve as missing). */
const MAX_FILES = 200_000;

interface Listing {
  at: number;
  /** Lower-cased file name → files of that name. */
  byName: Map<string, AttachmentInfo[]>;
  /** Lower-cased vault path → file. */
  byPath: Map<string, AttachmentInfo>;
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');

/**
 * The attachments of a vault (every file that is not a note, outside hidden folders and
 * node_modules), and how a link names one, as Obsidian resolves `![[x.png]]`:
 *
 * 1. a path written from the note's folder (`./x.png`, `sub/x.png` beside the note);
 * 2. a path from the vault root (`assets/x.png`);
 * 3. by name anywhere in the vault (`x.png` finds `assets/img/x.png`; `img/x.png` finds
 *    any file whose path ends with `/img/x.png`): the one in the note's folder first, then
 *    the one whose folder shares most leading folders with the note's, then the shortest
 *    path, then the first in alphabetical order.
 *
 * Case-insensitive, like Obsidian's link resolution. The listing is a walk of the vault's
 * folders (names and sizes only, symbolic links not followed), kept for `maxAgeMs` and
 * dropped by `invalidate()` (a saved image): attachments change outside the app, and a
 * listing a few seconds old is as fresh as the user can tell.
 */
export class AttachmentIndex {
  private listing: Listing | null = null;
  private walking: Promise<Listing> | null = null;

  constructor(
    private readonly vaultPath: string,
    private readonly maxAgeMs = 3000,
  ) {}

  /** Image sizes read so far, by path and size (a changed file is read again). */
  private readonly sizes = new Map<string, { width: number; height: number } | null>();

  invalidate(): void {
    this.listing = null;
  }

  /**
   * `info` with the pixel size of the image it is (read from the first bytes of the file,
   * remembered), so the editor reserves its place before it loads. Others unchanged.
   */
  async withDimensions(info: AttachmentInfo): Promise<AttachmentInfo> {
    if (info.kind !== 'image') return info;
    const key = `${info.path}\u0000${info.size}`;
    if (!this.sizes.has(key)) {
      if (this.sizes.size > 20_000) this.sizes.clear();
      this.sizes.set(key, await readDimensions(join(this.vaultPath, ...info.path.split('/'))));
    }
    const size = this.sizes.get(key);
    return size ? { ...info, ...size } : info;
  }

  /** The attachment `target` (as written in a note at `from`) names, or null when none. */
  async resolve(target: string, from?: string): Promise<AttachmentInfo | null> {
    return resolveIn(await this.current(), target, from);
  }

  /** A resolver over one listing, for many lookups at once (the link index). */
  async resolver(): Promise<(target: string, from?: string) => AttachmentInfo | null> {
    const listing = await this.current();
    return (target, from) => resolveIn(listing, target, from);
  }

  private async current(): Promise<Listing> {
    if (this.listing && Date.now() - this.listing.at <= this.maxAgeMs) return this.listing;
    this.walking ??= walk(this.vaultPath).finally(() => (this.walking = null));
    this.listing = await this.walking;
    return this.listing;
  }
}

/**
 * How much of a file is read for its size: the header of most images is in the first few
 * bytes; a JPEG's frame header may follow large metadata (EXIF thumbnails), so a second,
 * larger read is tried when the first is not enough.
 */
const HEAD_READS = [16 * 1024, 512 * 1024];

async function readDimensions(path: string): Promise<{ width: number; height: number } | null> {
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    handle = await fs.open(path, 'r');
    for (const length of HEAD_READS) {
      const head = Buffer.alloc(length);
      const { bytesRead } = await handle.read(head, 0, length, 0);
      try {
        const size = imageSize(head.subarray(0, bytesRead));
        if (!size.width || !size.height) return null;
        const turned = (size.orientation ?? 1) >= 5;
        return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
      } catch {
        if (bytesRead < length) return null;
      }
    }
    return null;
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

function resolveIn(listing: Listing, target: string, from?: string): AttachmentInfo | null {
  const written = target.trim().replace(/\\/g, '/');
  if (written === '' || written.startsWith('/') || attachmentKindOf(written) === null) return null;
  const noteFolder = from ? folderOf(from) : '';
  const relative = posix.normalize(posix.join(noteFolder, written));
  if (!relative.startsWith('..')) {
    const beside = listing.byPath.get(relative.toLowerCase());
    if (beside) return beside;
  }
  const clean = posix.normalize(written).replace(/^\.\//, '');
  if (clean.startsWith('..')) return null;
  const exact = listing.byPath.get(clean.toLowerCase());
  if (exact) return exact;
  const name = clean.slice(clean.lastIndexOf('/') + 1).toLowerCase();
  const suffix = `/${clean.toLowerCase()}`;
  const candidates = (listing.byName.get(name) ?? []).filter(
    (file) => !clean.includes('/') || `/${file.path.toLowerCase()}`.endsWith(suffix),
  );
  if (candidates.length <= 1) return candidates[0] ?? null;
  const noteParts = noteFolder === '' ? [] : noteFolder.split('/');
  const shared = (path: string) => {
    const parts = folderOf(path) === '' ? [] : folderOf(path).split('/');
    let count = 0;
    while (count < parts.length && count < noteParts.length && parts[count] === noteParts[count]) count++;
    return { same: folderOf(path) === noteFolder, count, depth: parts.length };
  };
  return [...candidates].sort((a, b) => {
    const x = shared(a.path);
    const y = shared(b.path);
    return (
      Number(y.same) - Number(x.same) ||
      y.count - x.count ||
      x.depth - y.depth ||
      a.path.length - b.path.length ||
      (a.path < b.path ? -1 : 1)
    );
  })[0]!;
}

async function walk(vaultPath: string): Promise<Listing> {
  const listing: Listing = { at: Date.now(), byName: new Map(), byPath: new Map() };
  const pending = [''];
  let count = 0;
  while (pending.length > 0 && count < MAX_FILES) {
    const folder = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = await fs.readdir(join(vaultPath, ...folder.split('/').filter(Boolean)), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (isIgnoredName(entry.name)) continue;
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) pending.push(path);
      if (!entry.isFile() || isNoteFileName(entry.name)) continue;
      const kind = attachmentKindOf(entry.name);
      if (kind === null) continue;
      let size = 0;
      try {
        size = (await fs.stat(join(vaultPath, ...path.split('/')))).size;
      } catch {
        continue;
      }
      const file: AttachmentInfo = { path, size, kind };
      listing.byPath.set(path.toLowerCase(), file);
      const name = entry.name.toLowerCase();
      const named = listing.byName.get(name);
      if (named) named.push(file);
      else listing.byName.set(name, [file]);
      if (++count >= MAX_FILES) break;
    }
  }
  return listing;
}
