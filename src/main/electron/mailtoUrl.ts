/**
 * The header fields a `mailto:` link may carry to the user's mail app: the RFC 6068 ones
 * every client treats as a draft the user still reviews and sends. Everything else is
 * dropped, above all `attach`/`attachment` (clients such as Thunderbird attach the named
 * local file: a note's link could mail ~/.ssh/id_rsa away), and `from`, `in-reply-to` or
 * client-specific fields whose effect no one can vouch for.
 */
export const MAILTO_FIELDS: ReadonlySet<string> = new Set(['to', 'cc', 'bcc', 'subject', 'body']);

/**
 * `url` (a parsed `mailto:` URL) with only the MAILTO_FIELDS kept in its query, each as
 * written (not re-encoded: mail clients read `+` literally), and no fragment. Field names
 * are matched case-insensitively after percent-decoding, so `%61ttach` or `ATTACH` are
 * dropped too. Null when the addresses hide a query (`%3F`): a client that decodes before
 * it splits would read fields no one checked.
 */
export function safeMailto(url: URL): string | null {
  let addresses: string;
  try {
    addresses = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[?&#]/.test(addresses)) return null;
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const at = pair.indexOf('=');
      try {
        const name = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
        return MAILTO_FIELDS.has(name.trim().toLowerCase());
      } catch {
        return false;
      }
    });
  return `mailto:${url.pathname}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}
