import { NotebookError } from '@shared/api/errors';
import { sniffImage } from './sniffImage';

/** The largest remote image fetched for a note. */
export const MAX_REMOTE_IMAGE_BYTES = 10 * 1024 * 1024;
/** How long a remote image may take, from the request to the last byte. */
export const REMOTE_IMAGE_TIMEOUT_MS = 15_000;

/**
 * Fetches an image a note shows from the web (`![](https://…)`), for the page to show as a
 * `data:` URL: the page itself never loads anything from outside (its CSP keeps images to
 * the app), and the backend only does when the user allowed it for the note or always.
 *
 * Only `http:` and `https:` URLs, no credentials or cookies sent, no referrer, redirects
 * followed only to http(s) (fetch's own limit of 20); at most MAX_REMOTE_IMAGE_BYTES (read
 * as a stream, stopped at the limit), within REMOTE_IMAGE_TIMEOUT_MS; the type is read from
 * the bytes (PNG, JPEG, GIF, WebP, AVIF, SVG: SVG is shown through `<img>`, where no script
 * runs), never from the server's Content-Type.
 *
 * @throws invalid-arguments for another scheme, io-failure when the server cannot be
 *   reached, answers an error, is too slow, sends too much or sends no image.
 */
export async function fetchRemoteImage(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<{ data: string; contentType: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new NotebookError('invalid-arguments', 'This is not a web address.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new NotebookError('invalid-arguments', 'Only http and https images are loaded.');
  if (parsed.username || parsed.password)
    throw new NotebookError('invalid-arguments', 'Addresses with a user name are not loaded.');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REMOTE_IMAGE_TIMEOUT_MS);
  try {
    const response = await fetchImpl(parsed, {
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8' },
    });
    if (!/^https?:$/.test(new URL(response.url || parsed.href).protocol))
      throw new NotebookError('io-failure', 'The image was redirected away from the web.');
    if (!response.ok) throw new NotebookError('io-failure', `The server answered ${response.status}.`);
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_REMOTE_IMAGE_BYTES) throw tooLarge();
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > MAX_REMOTE_IMAGE_BYTES) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(value);
      }
    }
    const bytes = Buffer.concat(chunks);
    const contentType = sniffImage(bytes);
    if (!contentType) throw new NotebookError('io-failure', 'The address did not send an image.');
    return { data: bytes.toString('base64'), contentType };
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    throw new NotebookError(
      'io-failure',
      controller.signal.aborted ? 'The image took too long to load.' : 'The image could not be loaded.',
    );
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(): NotebookError {
  return new NotebookError('io-failure', `The image is larger than ${MAX_REMOTE_IMAGE_BYTES / 1024 / 1024} MB.`);
}
