import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRemoteImage, MAX_REMOTE_IMAGE_BYTES } from './fetchRemoteImage';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
let server: Server;
let origin: string;
const seen: Array<{ url: string; cookie?: string; referer?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', cookie: req.headers.cookie, referer: req.headers.referer });
    if (req.url === '/ok.png') res.writeHead(200, { 'Content-Type': 'text/html' }).end(PNG);
    else if (req.url === '/page.png')
      res.writeHead(200, { 'Content-Type': 'image/png' }).end('<html><script></script>');
    else if (req.url === '/huge.png') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      res.write(PNG);
      res.end(Buffer.alloc(MAX_REMOTE_IMAGE_BYTES + 10));
    } else if (req.url === '/redirect.png') res.writeHead(302, { Location: '/ok.png' }).end();
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchRemoteImage', () => {
  it('returns an image with the type its bytes say, without cookies or referrer', async () => {
    expect(await fetchRemoteImage(`${origin}/ok.png`)).toEqual({
      data: PNG.toString('base64'),
      contentType: 'image/png',
    });
    expect((await fetchRemoteImage(`${origin}/redirect.png`)).contentType).toBe('image/png');
    expect(seen.every((request) => request.cookie === undefined && request.referer === undefined)).toBe(true);
  });

  it('refuses what is not an image, too large, missing, or not on the web', async () => {
    for (const path of ['/page.png', '/huge.png', '/missing.png'])
      await expect(fetchRemoteImage(`${origin}${path}`), path).rejects.toMatchObject({ code: 'io-failure' });
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'not a url',
      'http://u:p@x/',
    ])
      await expect(fetchRemoteImage(url), url).rejects.toMatchObject({ code: 'invalid-arguments' });
  });
});
