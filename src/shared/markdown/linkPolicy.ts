/**
 * Which link targets become links. Only absolute http, https and mailto URLs do; anything
 * else (`javascript:`, `data:`, `file:`, `vbscript:`, relative paths, `#anchors`) stays
 * as literal Markdown text. Decide on the decoded URL (entities and escapes resolved),
 * so `jav&#x61;script:` or `JaVaScRiPt:` cannot slip through.
 */

/** Decides whether a (decoded) link URL may become a link. */
export type LinkUrlPolicy = (url: string) => boolean;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_OR_SPACE_LIKE = /[\u0000-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]/;
const HTTP_URL = /^https?:\/\/([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?)(?::([0-9]{1,5}))?(?:[/?#]|$)/i;
const MAILTO_URL = /^mailto:[^?#]/i;

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

/**
 * The default policy, for code without a URL parser: true only for `http://host…`,
 * `https://host…` (a DNS name or dotted IPv4 address, optional port; plain spaces allowed
 * in the path, as in `<https://x.org/a b>`) and `mailto:address…`, with no control
 * characters or other whitespace anywhere. It is stricter than a WHATWG URL check, never
 * looser.
 */
export const isAllowedLinkUrl: LinkUrlPolicy = (url) => {
  if (url === '' || CONTROL_OR_SPACE_LIKE.test(url)) return false;
  if (MAILTO_URL.test(url)) return !url.includes(' ');
  const match = HTTP_URL.exec(url);
  if (!match) return false;
  if (match[2] !== undefined && Number(match[2]) > 65535) return false;
  return isPlausibleHost(match[1]!);
};
