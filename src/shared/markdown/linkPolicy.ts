/**
 * The one link-URL policy of the app: which URLs become links (in Markdown, when a note is
 * loaded, and in the editor, however a link arrives: typed, pasted, from the toolbar) and
 * what is handed to the system browser or mail app when one is opened (the desktop
 * host's external-URL check, the editor's link clicks). One module, so a link the
 * importer creates is never one the editor's guard unwraps, and a link the editor shows
 * is never one the desktop refuses to open.
 *
 * Only absolute http, https and mailto URLs pass; anything else (`javascript:`, `data:`,
 * `file:`, `vbscript:`, `tel:`, relative paths, `#anchors`, `//host`) stays literal text.
 * Decide on the decoded URL (entities and escapes resolved), so `jav&#x61;script:` or
 * `JaVaScRiPt:` cannot slip through.
 */

/** Decides whether a (decoded) link URL may become a link. */
export type LinkUrlPolicy = (url: string) => boolean;

/**
 * The header fields a `mailto:` link may carry to the user's mail app: the RFC 6068 ones
 * every client treats as a draft the user still reviews and sends. Everything else is
 * dropped, above all `attach`/`attachment` (clients such as Thunderbird attach the named
 * local file: a note's link could mail ~/.ssh/id_rsa away), and `from`, `in-reply-to` or
 * client-specific fields whose effect no one can vouch for.
 */
export const MAILTO_FIELDS: ReadonlySet<string> = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

/** What this module reads of a WHATWG URL. */
interface ParsedUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly pathname: string;
  readonly search: string;
  readonly href: string;
}

// The WHATWG URL parser, present in every runtime the app runs in (browsers, Node,
// Electron); declared here because shared code is compiled without DOM or Node types.
declare const URL: new (url: string) => ParsedUrl;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_OR_SPACE_LIKE = /[\u0000-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;
const HTTP_URL = /^https?:\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)(?::([0-9]{1,5}))?(?:[/?#]|$)/i;
const MAILTO = /^mailto:/i;

function isPlausibleHost(host: string): boolean {
  const labels = host.replace(/\.$/, '').split('.');
  if (labels.some((label) => label === '' || /^xn--/i.test(label) || label.startsWith('-'))) return false;
  const last = labels[labels.length - 1]!;
  // A numeric last label makes the host an IPv4 address, which must then be exact.
  if (/^(?:[0-9]+|0x[0-9a-f]*)$/i.test(last)) {
    return labels.length === 4 && labels.every((label) => /^(?:0|[1-9][0-9]{0,2})$/.test(label) && Number(label) < 256);
  }
  return true;
}

function parse(url: string): ParsedUrl | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * `url` (a parsed `mailto:` URL) with only the MAILTO_FIELDS kept in its query, each as
 * written (not re-encoded: mail clients read `+` literally), and no fragment; null when
 * it names no recipient (neither in its address part nor in a `to` field). Field names
 * are matched case-insensitively after percent-decoding, so `%61ttach` or `ATTACH` are
 * dropped too. Null too when the addresses hide a query (`%3F`): a client that decodes
 * before it splits would read fields no one checked.
 */
function safeMailto(url: ParsedUrl): string | null {
  const addresses = decoded(url.pathname);
  if (addresses === null || /[?&#]/.test(addresses)) return null;
  let recipients = addresses.trim() !== '';
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const at = pair.indexOf('=');
      const name = decoded(at < 0 ? pair : pair.slice(0, at))
        ?.trim()
        .toLowerCase();
      if (name === undefined || !MAILTO_FIELDS.has(name)) return false;
      if (name === 'to' && at >= 0 && at < pair.length - 1) recipients = true;
      return true;
    });
  if (!recipients) return null;
  return `mailto:${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/**
 * The form of `url` to hand to the system browser or mail app, or null when it may not
 * be a link at all (see isAllowedLinkUrl). http(s) URLs come back normalized by the URL
 * parser; a `mailto:` URL keeps only its recipients, subject and body (MAILTO_FIELDS).
 */
export function toExternalUrl(url: string): string | null {
  if (url === '' || CONTROL_OR_SPACE_LIKE.test(url)) return null;
  // Plain spaces around a URL are how it was typed or pasted, not part of it.
  const text = url.replace(/^ +| +$/g, '');
  if (MAILTO.test(text)) {
    if (text.includes(' ')) return null;
    const parsed = parse(text);
    return parsed?.protocol === 'mailto:' ? safeMailto(parsed) : null;
  }
  const match = HTTP_URL.exec(text);
  if (!match) return null;
  if (match[2] !== undefined && Number(match[2]) > 65535) return null;
  if (!isPlausibleHost(match[1]!)) return null;
  // The pattern above is stricter than the URL parser; the parser must agree all the same.
  const parsed = parse(text);
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/**
 * The policy: true only for `http://host…` and `https://host…` (a DNS name or dotted IPv4
 * address, optional port, no credentials; plain spaces allowed in the path, as in
 * `<https://x.org/a b>`, and around the URL) and `mailto:` URLs naming a recipient, with
 * no control characters or other whitespace anywhere. Stricter than a WHATWG URL check,
 * never looser: punycode (`xn--`) and non-ASCII hosts are refused, so a look-alike host
 * cannot pass for another.
 */
export const isAllowedLinkUrl: LinkUrlPolicy = (url) => toExternalUrl(url) !== null;
