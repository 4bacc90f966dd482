/**
 * The origin (`scheme://host[:port]`) of a URL, or null when it has none we can trust
 * (unparseable, `about:`, `data:`, `file:`, `javascript:` …).
 *
 * Not `new URL(url).origin`: Node serializes the origin of any scheme it does not know
 * (our `app:` included) as the string "null", which would make every `app://` URL
 * look alike. Chromium treats `app` as a standard scheme with a real origin, so we
 * build the same tuple here.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null;
  if (parsed.username || parsed.password) return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}
