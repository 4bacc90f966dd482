/**
 * Attachments: the files of a vault other than notes (images, PDFs, audio, video…), which
 * notes embed as `![[paper.pdf]]` or `![alt](x.png)`. Pure; shared by the backend (which
 * finds them) and the editor (which shows them).
 */

/** How the editor shows an attachment: an image inline, anything else as a file chip. */
export type AttachmentKind = 'image' | 'pdf' | 'audio' | 'video' | 'file';

/** An attachment found in the vault (see NotebookApi.resolveAttachments). */
export interface AttachmentInfo {
  /** Vault-relative path, `/`-separated. */
  path: string;
  /** Size in bytes. */
  size: number;
  kind: AttachmentKind;
  /** An image's size in pixels, when its header could be read (the editor reserves its place). */
  width?: number;
  height?: number;
}

const KINDS: Array<[RegExp, AttachmentKind]> = [
  [/\.(?:png|jpe?g|gif|webp|avif|svg)$/i, 'image'],
  [/\.pdf$/i, 'pdf'],
  [/\.(?:mp3|wav|m4a|ogg|flac|3gp|aac)$/i, 'audio'],
  [/\.(?:mp4|webm|ogv|mov|mkv)$/i, 'video'],
  [/\.(?:bmp|tiff?|docx?|xlsx?|pptx?|odt|ods|odp|zip|csv|txt|canvas|excalidraw|base|epub)$/i, 'file'],
];

/**
 * The kind of attachment a link target names, by its extension (as Obsidian decides what
 * an embed shows), or null when it names no attachment (a note, `Note#Heading`, no
 * extension). Images are the formats the app shows inline: PNG, JPEG, GIF, WebP, AVIF, SVG.
 */
export function attachmentKindOf(target: string): AttachmentKind | null {
  const clean = target.trim();
  for (const [pattern, kind] of KINDS) if (pattern.test(clean)) return kind;
  return null;
}

/** `1536` → `1.5 KB`: a size as the file chip shows it. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
