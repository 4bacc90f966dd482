/**
 * An attachment that is not an image (`![[paper.pdf]]`, audio, video…) as a chip: an icon
 * for its kind, its name and size. A click (or Enter) opens it with the system's app in
 * the desktop app; the browser build downloads it.
 */
import { type AttachmentInfo, formatFileSize } from '@shared/domain/attachments';
import type { JSX } from 'react';
import { useContext } from 'react';
import { MediaHostContext } from './mediaHost';

const ICONS: Record<AttachmentInfo['kind'], JSX.Element> = {
  pdf: <path d="M6 3h8l4 4v14H6zM14 3v4h4M9 13h6M9 17h4" />,
  audio: <path d="M9 18V6l10-2v12M9 18a3 3 0 1 1-3-3 3 3 0 0 1 3 3zm10-2a3 3 0 1 1-3-3 3 3 0 0 1 3 3z" />,
  video: <path d="M4 6h11v12H4zM15 10l5-3v10l-5-3" />,
  image: <path d="M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4" />,
  file: <path d="M6 3h8l4 4v14H6zM14 3v4h4" />,
};

const KIND_NAMES: Record<AttachmentInfo['kind'], string> = {
  pdf: 'PDF',
  audio: 'Audio',
  video: 'Video',
  image: 'Image',
  file: 'File',
};

export function FileChip({ info }: { info: AttachmentInfo }): JSX.Element {
  const host = useContext(MediaHostContext);
  const name = info.path.replace(/^.*\//, '');
  const size = formatFileSize(info.size);
  return (
    <span className="ed-file-chip" contentEditable={false} data-kind={info.kind}>
      <button
        type="button"
        className="ed-file-open"
        title={`Open ${name}`}
        onClick={() => void host?.openAttachment(info.path)}
      >
        <svg className="ed-file-icon" viewBox="0 0 24 24" aria-hidden="true">
          {ICONS[info.kind]}
        </svg>
        <span className="visually-hidden">Open {KIND_NAMES[info.kind]} </span>
        <span className="ed-file-name">{name}</span>
        <span className="visually-hidden">, </span>
        <span className="ed-file-size">{size}</span>
      </button>
    </span>
  );
}
