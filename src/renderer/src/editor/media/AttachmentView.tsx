/**
 * How an attachment a note embeds is shown when it is not an image of the vault (those are
 * plain DOM, see imageElement and ImagePlugin): an image from the web as a placeholder until
 * allowed, any other attachment (PDF, audio, video…) as a file chip that opens it; one the
 * vault does not have as missing.
 */
import type { AttachmentInfo } from '@shared/domain/attachments';
import { type JSX, useContext, useEffect, useState } from 'react';
import { FileChip } from './FileChip';
import { MediaHostContext } from './mediaHost';
import { RemoteImage } from './RemoteImage';
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
