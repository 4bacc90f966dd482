/**
 * How an image or attachment a note embeds is shown: an image of the vault inline (with a
 * resize handle while selected), an image from the web as a placeholder until allowed, any
 * other attachment (PDF, audio, video…) as a file chip that opens it; one the vault does
 * not have as missing.
 */
import { attachmentKindOf, type AttachmentInfo } from '@shared/domain/attachments';
import { type JSX, useContext, useEffect, useState } from 'react';
import { FileChip } from './FileChip';
import { readImageLabel } from './imageSource';
import { ImageResizer } from './ImageResizer';
import { MediaHostContext } from './mediaHost';
import { RemoteImage } from './RemoteImage';
import { ImageHostContext, imageCandidates, vaultFileUrl } from './vaultFiles';
import './media.css';

export interface AttachmentViewProps {
  /** The source as written (`![[x.png|200]]`, `![alt](x.png)`). */
  source: string;
  /** The path or URL as written (decoded for a Markdown image). */
  target: string;
  label: string | null;
  nodeKey: string;
  /** Writes a new width into the source (a resize). */
  onResize(width: number): void;
}

/** undefined while looking, null when the vault has none. */
function useAttachment(target: string): AttachmentInfo | null | undefined {
  const host = useContext(MediaHostContext);
  // Already found (looked up before the editor showed it): shown at once, with no lookup or second render.
  const known = host?.knownAttachment?.(target);
  const [found, setFound] = useState<{ target: string; info: AttachmentInfo | null } | null>(null);
  const waiting = known === undefined;
  useEffect(() => {
    if (!host || !waiting) return;
    let live = true;
    host.resolveAttachment(target).then(
      (info) => live && setFound({ target, info }),
      () => live && setFound({ target, info: null }),
    );
    return () => {
      live = false;
    };
  }, [host, target, waiting]);
  if (known !== undefined) return known;
  return found?.target === target ? found.info : undefined;
}

function Missing({ target, caption, kind }: { target: string; caption: string; kind: string }): JSX.Element {
  return (
    <span className="ed-image-missing" role="img" aria-label={`Missing ${kind}: ${target}`} data-kind={kind}>
      {target}
      {caption !== '' && <span className="ed-image-alt"> ({caption})</span>}
    </span>
  );
}

export function AttachmentView(props: AttachmentViewProps): JSX.Element {
  if (/^https?:\/\//i.test(props.target)) return <RemoteImage {...props} />;
  if (attachmentKindOf(props.target) === 'image') return <VaultImage {...props} />;
  return <VaultFile {...props} />;
}

function VaultFile({ target }: AttachmentViewProps): JSX.Element {
  const info = useAttachment(target);
  const host = useContext(MediaHostContext);
  if (!host) return <span className="ed-file-chip">{target}</span>;
  if (info === undefined) return <span className="ed-file-chip ed-file-pending">{target}</span>;
  if (info === null) return <Missing target={target} caption="" kind="file" />;
  return <FileChip info={info} />;
}

/**
 * The size an image takes before it loads (so the text below does not jump, and lazy
 * loading sees where it is): the size written in the link, the missing side from the
 * file's proportions, else the file's own size (CSS keeps it within the text width).
 */
function reservedSize(
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

function VaultImage(props: AttachmentViewProps): JSX.Element {
  const { source, target, label } = props;
  const host = useContext(MediaHostContext);
  const { notePath } = useContext(ImageHostContext);
  const info = useAttachment(target);
  const [attempt, setAttempt] = useState(0);
  const isEmbed = source.startsWith('![[');
  const words = readImageLabel(label);
  const alt = isEmbed ? target.replace(/^.*\//, '') : words.text;
  const caption = isEmbed ? words.text : alt;
  // With a host the backend finds the file anywhere in the vault; without, a few places are tried.
  const candidates = host ? (info ? [info.path] : []) : imageCandidates(target, notePath);
  if (host && info === undefined) {
    return (
      <span
        className="ed-image-pending"
        style={{ width: words.width ?? 160, aspectRatio: words.height ? undefined : '4 / 3', height: words.height }}
      />
    );
  }
  if (attempt >= candidates.length) return <Missing target={target} caption={caption} kind="image" />;
  const size = reservedSize(words, info);
  return (
    <ImageResizer nodeKey={props.nodeKey} width={words.width} onResize={props.onResize} label={alt || target}>
      <img
        className="ed-image"
        src={vaultFileUrl(candidates[attempt]!)}
        alt={alt}
        loading="lazy"
        decoding="async"
        draggable={false}
        width={size.width}
        height={size.height}
        onError={() => setAttempt((value) => value + 1)}
      />
    </ImageResizer>
  );
}
