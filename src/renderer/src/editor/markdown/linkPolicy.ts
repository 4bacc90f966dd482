import { isAllowedLinkUrl as isPlainHttpOrMailto } from '@shared/markdown/linkPolicy';

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The link policy of the dialect in the editor: a URL becomes a link only when it passes
 * the shared, parser-free policy (absolute http/https/mailto, no whitespace or control
 * characters) and a WHATWG URL parse agrees (http/https with a host, mailto with an
 * address). This is never looser than the editor's link guard (LinkGuardPlugin), so a
 * link the importer creates is never unwrapped after loading — which would make an
 * untouched note differ from its file.
 */
export function isAllowedLinkUrl(url: string): boolean {
  if (!isPlainHttpOrMailto(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return false;
  return parsed.protocol === 'mailto:' ? parsed.pathname.length > 0 : parsed.hostname.length > 0;
}
