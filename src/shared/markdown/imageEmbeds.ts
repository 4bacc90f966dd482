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
