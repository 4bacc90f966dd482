import type { NotebookClient } from '@shared/api/createClient';
import { isNotebookError } from '@shared/api/errors';
import type { AttachmentInfo } from '@shared/domain/attachments';
import { type MediaHost, RemoteImagePolicy } from '../../editor/media/mediaHost';
import { vaultDownloadUrl } from '../../editor/media/vaultFiles';

function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** The media host of an open note. */
export interface NoteMediaHost extends MediaHost {
  /**
   * Looks these targets up now (the note's attachments, read from its text before the
   * editor shows them): the first few in one call, the rest in a second, both sent at once.
   * Targets already asked for are not asked again.
   */
  prefetchAttachments(targets: string[]): void;
}

/** How many of a note's attachments are looked up on their own first (see prefetchAttachments). */
const FIRST_SCREEN_ATTACHMENTS = 12;

/**
 * The media host of one open note: images are saved beside it (the attachment folder the
 * backend picks), attachments are found from it (lookups made in the same tick go to the
 * backend in one call, and are remembered while the note is open; those a note embeds can
 * be asked for before the editor shows them, see prefetchAttachments), and web images load once
 * allowed for the note, or always (the app's preference, read when the note opens).
 */
export function createNoteMediaHost(
  api: NotebookClient,
  notePath: string,
  notify: (message: string) => void,
  shared?: { remoteImages: RemoteImagePolicy; seen: Map<string, MediaHost> },
): NoteMediaHost {
  const known = new Map<string, Promise<AttachmentInfo | null>>();
  const answered = new Map<string, AttachmentInfo | null>();
  let batch: Array<{ target: string; resolve(info: AttachmentInfo | null): void }> = [];
  const flush = () => {
    const asked = batch;
    batch = [];
    if (asked.length === 0) return;
    const answer = (item: (typeof asked)[number], info: AttachmentInfo | null) => {
      answered.set(item.target, info);
      item.resolve(info);
    };
    api.resolveAttachments({ targets: asked.map((item) => item.target), from: notePath }).then(
      (found) => asked.forEach((item, index) => answer(item, found[index] ?? null)),
      () => asked.forEach((item) => answer(item, null)),
    );
  };
  const lookUp = (key: string) => {
    let found = known.get(key);
    if (!found) {
      found = new Promise((resolve) => {
        if (batch.length === 0) queueMicrotask(flush);
        batch.push({ target: key, resolve });
      });
      known.set(key, found);
    }
    return found;
  };
  // Notes embedded in this one share its choice about web images.
  let remoteImages = shared?.remoteImages;
  if (!remoteImages) {
    const policy = new RemoteImagePolicy(false, async () => {
      await api.updatePreferences({ patch: { remoteImages: 'always' } });
    });
    api.getPreferences().then(
      (preferences) => preferences.remoteImages === 'always' && policy.allowForNote(),
      () => undefined,
    );
    remoteImages = policy;
  }
  const views = shared ?? { remoteImages, seen: new Map<string, MediaHost>() };
  const host: NoteMediaHost = {
    seenFrom(path) {
      if (path === notePath) return host;
      let seen = views.seen.get(path);
      if (!seen) views.seen.set(path, (seen = createNoteMediaHost(api, path, notify, views)));
      return seen;
    },
    remoteImages,
    notify,
    async saveImage(file) {
      const { embed } = await api.saveImage({ note: notePath, data: await readBase64(file) });
      return embed;
    },
    resolveAttachment(target) {
      return lookUp(target.trim());
    },
    knownAttachment(target) {
      return answered.get(target.trim());
    },
    prefetchAttachments(targets) {
      // The first few (the first screen's) in a call of their own, answered before the rest.
      targets.slice(0, FIRST_SCREEN_ATTACHMENTS).forEach((target) => void lookUp(target.trim()));
      flush();
      targets.slice(FIRST_SCREEN_ATTACHMENTS).forEach((target) => void lookUp(target.trim()));
      flush();
    },
    async openAttachment(path) {
      try {
        await api.openAttachment({ path });
      } catch (error) {
        // The browser build cannot open files with another app: it downloads them.
        if (isNotebookError(error) && error.code === 'invalid-arguments') {
          const link = document.createElement('a');
          link.href = vaultDownloadUrl(path);
          link.download = path.replace(/^.*\//, '');
          link.click();
          return;
        }
        notify(error instanceof Error ? error.message : String(error));
      }
    },
    async fetchRemoteImage(url) {
      const { data, contentType } = await api.fetchRemoteImage({ url });
      return `data:${contentType};base64,${data}`;
    },
  };
  return host;
}
