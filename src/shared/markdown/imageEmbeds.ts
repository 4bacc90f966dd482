/**
 * Images of the vault written in a note, as the editor shows them: `![[x.png]]`,
 * `![[x.png|200]]`, `![[x.png|200x100]]`, `![alt](x.png)`, `![alt](sub/x%20y.png)`. Read
 * into a wiki link inline (see WikiLinkInline `image`) that keeps its source, so it saves
 * byte for byte. Shared by the parser and the serializer's literal finder.
 */
import { attachmentKindOf } from '../domain/attachments';
import { isImageTarget, markdownLinkTarget } from '../links/markdownLinkTarget';
import { scanWikiLinks } from '../links/parseWikiLinks';
import { decodeLinkDestination, parseLinkTail } from './inlineSyntax';
import type { WikiLinkInline } from './model';

/**
 * `![[x.png|200]]` (or another attachment: `![[paper.pdf]]`, `![[talk.mp3]]`) at `start`
 * (ending at `end`) as an attachment of the vault, or null for another embed (a note).
 */
export function imageEmbedAt(text: string, start: number, end: number): WikiLinkInline | null {
  const source = text.slice(start, end);
  const link = scanWikiLinks(source)[0];
  if (!link || !link.embed || link.heading !== null || attachmentKindOf(link.target) === null) return null;
  const { target, label, escapedPipe } = link;
  return { type: 'wikilink', target, heading: null, label, escapedPipe, format: 0, markdown: source, image: true };
}

/** A web image (`![alt](https://…)`): shown as a placeholder until the user allows it. */
const REMOTE_IMAGE = /^https?:\/\/[^\s<>]+$/i;

/**
 * `![alt](sub/x%20y.png)` at `start` (ending at `end`) as an image of the vault, or a web
 * image (`![alt](https://…)`, its `target` the URL as written), or null.
 */
export function markdownImageAt(text: string, start: number, end: number): WikiLinkInline | null {
  const source = text.slice(start, end);
  const close = source.lastIndexOf('](');
  const tail = close > 0 ? parseLinkTail(source, close + 1) : null;
  const url = tail && tail.end === source.length ? decodeLinkDestination(tail.destination) : null;
  if (url !== null && REMOTE_IMAGE.test(url)) {
    const label = source.slice(2, close);
    return {
      type: 'wikilink',
      target: url,
      heading: null,
      label,
      escapedPipe: false,
      format: 0,
      markdown: source,
      image: true,
    };
  }
  const parts = url === null ? null : markdownLinkTarget(url);
  if (!parts || parts.heading !== null || !isImageTarget(parts.target)) return null;
  const label = source.slice(2, close);
  return { type: 'wikilink', ...parts, label, escapedPipe: false, format: 0, markdown: source, image: true };
}

/** A Markdown image, roughly (a label without brackets, a destination on one line): checked by markdownImageAt. */
const MARKDOWN_IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;

/** How much of a note attachmentTargets reads: a huge note's later images are looked up when shown. */
const ATTACHMENT_SCAN_CHARS = 256 * 1024;

/**
 * The attachments of the vault a note embeds (`![[x.png]]`, `![[paper.pdf]]`,
 * `![alt](x.png)`), as the editor's nodes name them, in the order written, each once, at
 * most `limit`, from the note's first 256 KB (it runs on the page as a note opens). For
 * looking them up before the editor shows them, so a guess: code is not skipped (a target
 * named there is looked up for nothing) and a Markdown image whose label holds brackets is
 * left to the editor.
 */
export function attachmentTargets(note: string, limit = 1000): string[] {
  const text = note.length > ATTACHMENT_SCAN_CHARS ? note.slice(0, ATTACHMENT_SCAN_CHARS) : note;
  const found: Array<{ at: number; target: string }> = [];
  for (const link of scanWikiLinks(text))
    if (link.embed && link.heading === null && attachmentKindOf(link.target) !== null)
      found.push({ at: link.start, target: link.target });
  if (text.includes('](')) {
    for (const match of text.matchAll(MARKDOWN_IMAGE)) {
      const image = markdownImageAt(text, match.index, match.index + match[0].length);
      if (image && !REMOTE_IMAGE.test(image.target)) found.push({ at: match.index, target: image.target });
    }
    found.sort((a, b) => a.at - b.at);
  }
  const targets = new Set<string>();
  for (const { target } of found) {
    if (targets.size >= limit) break;
    if (target.trim() !== '') targets.add(target.trim());
  }
  return [...targets];
}
