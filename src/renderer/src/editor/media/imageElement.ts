/**
 * An image of the vault as plain DOM, for ImageNode: the same markup the React view had,
 * without React. A note can hold hundreds of images, and a React portal per image costs
 * more than the image (each portal's container gets React's ~80 event listeners, and its
 * render runs in the slice that loads it). The resize handle, the only interactive part,
 * is mounted by ImagePlugin for the selected image only.
 *
 * Everything the note wrote goes into text or attributes set one by one (never markup),
 * and the picture only through the vault's route (`/vault-file/…`), as an `<img>`.
 */
import type { AttachmentInfo } from '@shared/domain/attachments';
import { readImageLabel } from './imageSource';
import type { MediaHost } from './mediaHost';
import { imageCandidates, vaultFileUrl } from './vaultFiles';
import './media.css';

export interface VaultImageParts {
  /** The source as written (`![[x.png|200]]`, `![alt](x.png)`). */
  source: string;
  /** The path as written (decoded for a Markdown image). */
  target: string;
  label: string | null;
}

/**
 * The size an image takes before it loads (so the text below does not jump, and lazy
 * loading sees where it is): the size written in the link, the missing side from the
 * file's proportions, else the file's own size (CSS keeps it within the text width).
 */
export function reservedSize(
  written: { width?: number; height?: number },
  info: AttachmentInfo | null | undefined,
): { width?: number; height?: number } {
  const natural = info?.width && info.height ? { width: info.width, height: info.height } : null;
  if (written.width !== undefined && written.height !== undefined) return written;
  if (written.width !== undefined)
    return natural
      ? { width: written.width, height: Math.round((written.width * natural.height) / natural.width) }
      : written;
  return natural ?? {};
}

/** What an image says: its alt text (a Markdown image's words, an embed's file name) and caption. */
export function imageWords(parts: VaultImageParts): { alt: string; caption: string; width?: number; height?: number } {
  const words = readImageLabel(parts.label);
  const isEmbed = parts.source.startsWith('![[');
  const alt = isEmbed ? parts.target.replace(/^.*\//, '') : words.text;
  return { alt, caption: isEmbed ? words.text : alt, width: words.width, height: words.height };
}

function missing(target: string, caption: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'ed-image-missing';
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', `Missing image: ${target}`);
  element.dataset.kind = 'image';
  element.textContent = target;
  if (caption !== '') {
    const alt = document.createElement('span');
    alt.className = 'ed-image-alt';
    alt.textContent = ` (${caption})`;
    element.append(alt);
  }
  return element;
}

function pending(width: number | undefined, height: number | undefined): HTMLElement {
  const element = document.createElement('span');
  element.className = 'ed-image-pending';
  element.style.width = `${width ?? 160}px`;
  if (height !== undefined) element.style.height = `${height}px`;
  else element.style.aspectRatio = '4 / 3';
  return element;
}

/** The image's frame (what the handle and the selection outline belong to) around its `<img>`. */
function picture(
  parts: VaultImageParts,
  paths: string[],
  info: AttachmentInfo | null | undefined,
  onMissing: () => void,
): HTMLElement {
  const words = imageWords(parts);
  const frame = document.createElement('span');
  frame.className = 'ed-image-resizable';
  if (words.width !== undefined) {
    frame.dataset.sized = 'true';
    frame.style.width = `${words.width}px`;
  }
  const image = document.createElement('img');
  image.className = 'ed-image';
  image.alt = words.alt;
  image.setAttribute('loading', 'lazy');
  image.setAttribute('decoding', 'async');
  image.draggable = false;
  const size = reservedSize(words, info);
  if (size.width !== undefined) image.width = size.width;
  if (size.height !== undefined) image.height = size.height;
  let attempt = 0;
  // Without a host, the next place is tried; with one, a file that fails to load is missing.
  image.addEventListener('error', () => {
    attempt += 1;
    if (attempt < paths.length) image.src = vaultFileUrl(paths[attempt]!);
    else onMissing();
  });
  image.src = vaultFileUrl(paths[0]!);
  frame.append(image);
  return frame;
}

/**
 * Fills `host` (the node's element) with the view of the image `parts` names: at once when
 * the media host knows its file already, else a placeholder of its size until the lookup
 * answers; missing when the vault has none. `onShown` is called each time the image's frame
 * (`.ed-image-resizable`) is put in place. Returns a cleanup (stops waiting for the lookup).
 */
export function showVaultImage(
  host: HTMLElement,
  parts: VaultImageParts,
  media: MediaHost | null,
  notePath: string | null,
  onShown: (frame: HTMLElement) => void,
): () => void {
  let live = true;
  const { caption, width, height } = imageWords(parts);
  const showMissing = () => live && host.replaceChildren(missing(parts.target, caption));
  const show = (paths: string[], info: AttachmentInfo | null | undefined) => {
    if (paths.length === 0) return showMissing();
    const frame = picture(parts, paths, info, showMissing);
    host.replaceChildren(frame);
    onShown(frame);
  };
  if (!media) {
    show(imageCandidates(parts.target, notePath), undefined);
  } else {
    const known = media.knownAttachment?.(parts.target);
    if (known !== undefined) {
      show(known ? [known.path] : [], known);
    } else {
      host.replaceChildren(pending(width, height));
      media.resolveAttachment(parts.target).then(
        (info) => live && show(info ? [info.path] : [], info),
        () => showMissing(),
      );
    }
  }
  return () => {
    live = false;
  };
}
