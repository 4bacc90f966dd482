/**
 * What the editor's images and attachments need from the app: saving a pasted, dropped or
 * inserted image into the vault, finding the attachments a note names, opening one with
 * the system's app, fetching an image from the web once the user allowed it, and telling
 * the user why something failed. The editor works without one (images of the vault are
 * looked for beside the note and at the vault root; nothing is saved, opened or fetched).
 */
import { createContext } from 'react';
import type { AttachmentInfo } from '@shared/domain/attachments';

export interface MediaHost {
  /** Saves an image file into the vault (attachment folder) and resolves to the embed to insert (`![[…]]`). */
  saveImage(file: Blob): Promise<string>;
  /** The attachment a target names from the note (batched by the host), or null when there is none. */
  resolveAttachment(target: string): Promise<AttachmentInfo | null>;
  /**
   * The attachment a target names if the host has it already (undefined: not yet asked, or
   * not answered), so an image whose file was found before it was shown renders at once.
   */
  knownAttachment?(target: string): AttachmentInfo | null | undefined;
  /** Opens an attachment (a vault path) with the system's app, or downloads it in the browser build. */
  openAttachment(path: string): Promise<void>;
  /** An image from the web as a `data:` URL, fetched by the backend. */
  fetchRemoteImage(url: string): Promise<string>;
  /** Whether images from the web load in this note (allowed for the note, or always). */
  readonly remoteImages: RemoteImagePolicy;
  /** Tells the user something went wrong (a toast). */
  notify(message: string): void;
  /**
   * The same host seen from the note at `notePath` (the same object for the same path): a
   * note embedded in this one finds its attachments from its own folder, as in Obsidian.
   */
  seenFrom?(notePath: string): MediaHost;
}

/** Whether web images load: a small store the placeholders subscribe to. */
export class RemoteImagePolicy {
  private allowed: boolean;
  private readonly listeners = new Set<() => void>();

  constructor(
    always: boolean,
    private readonly persistAlways: () => Promise<void>,
  ) {
    this.allowed = always;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly isAllowed = (): boolean => this.allowed;

  /** Loads the web images of this note (until it is closed). */
  allowForNote(): void {
    this.set(true);
  }

  /** Loads web images in every note from now on (kept in the app's settings). */
  async allowAlways(): Promise<void> {
    this.set(true);
    await this.persistAlways();
  }

  private set(allowed: boolean): void {
    if (allowed === this.allowed) return;
    this.allowed = allowed;
    for (const listener of this.listeners) listener();
  }
}

/** The media host of the editor being shown (null: none). */
export const MediaHostContext = createContext<MediaHost | null>(null);

/** Largest image file the app saves (the backend refuses more, too). */
export const MAX_IMAGE_FILE_BYTES = 20 * 1024 * 1024;

/** The image types a paste, drop or Insert image accepts (the backend checks the bytes again). */
export const ACCEPTED_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/svg+xml',
];

/**
 * Why a file cannot be saved as an image, or null when it may be (the backend reads its
 * bytes again): not one of the six image types, or larger than MAX_IMAGE_FILE_BYTES.
 */
export function imageFileProblem(file: { name: string; type: string; size: number }): string | null {
  if (!ACCEPTED_IMAGE_TYPES.includes(file.type))
    return `“${file.name || 'This file'}” is not an image (PNG, JPEG, GIF, WebP, AVIF or SVG).`;
  if (file.size > MAX_IMAGE_FILE_BYTES)
    return `“${file.name || 'This image'}” is larger than ${MAX_IMAGE_FILE_BYTES / 1024 / 1024} MB.`;
  return null;
}
