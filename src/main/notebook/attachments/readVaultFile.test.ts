import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { readVaultFile, vaultPathOfUrl } from './readVaultFile';
import { sniffImage } from './sniffImage';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const dirs = tempDirs();
let vault: string;
let outside: string;

beforeAll(() => {
  const base = dirs.make('vault-file-');
  vault = join(base, 'vault');
  outside = join(base, 'outside');
  mkdirSync(join(vault, 'sub'), { recursive: true });
  mkdirSync(join(vault, '.obsidian'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(vault, 'sub', 'x y.png'), PNG);
  writeFileSync(join(vault, '.obsidian', 'hidden.png'), PNG);
  writeFileSync(join(vault, 'page.png'), '<!doctype html><script>alert(1)</script>');
  writeFileSync(
    join(vault, 'evil.svg'),
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  writeFileSync(join(outside, 'secret.png'), PNG);
  symlinkSync(join(outside, 'secret.png'), join(vault, 'link.png'));
  symlinkSync(outside, join(vault, 'out'));
});
afterAll(() => dirs.cleanup());

describe('vaultPathOfUrl', () => {
  it('decodes plain vault paths and refuses escapes, absolute, hidden and malformed ones', () => {
    expect(vaultPathOfUrl('sub/x%20y.png')).toBe('sub/x y.png');
    for (const bad of [
      '../secret.png',
      'sub/../../secret.png',
      '%2e%2e/secret.png',
      '..%2fsecret.png',
      '/etc/passwd',
      '%2Fetc%2Fpasswd',
      'C:/x.png',
      'sub%5c..%5cx.png',
      '.obsidian/app.json',
      'sub/.git/x.png',
      'a//b.png',
      '',
      '%E0%A4%A',
      'x%00.png',
    ]) {
      expect(vaultPathOfUrl(bad), bad).toBeNull();
    }
  });
});

describe('readVaultFile', () => {
  it('serves images inside the vault with the type their bytes say', async () => {
    expect(await readVaultFile(vault, 'sub/x y.png')).toMatchObject({ contentType: 'image/png' });
    expect(await readVaultFile(vault, 'evil.svg')).toMatchObject({ contentType: 'image/svg+xml' });
  });

  it('refuses files that are not images, hidden, missing, or reached through a link out of the vault', async () => {
    for (const path of [
      'page.png',
      '.obsidian/hidden.png',
      'missing.png',
      'link.png',
      'out/secret.png',
      'sub',
      '../outside/secret.png',
    ])
      expect(await readVaultFile(vault, path), path).toBeNull();
  });
});

describe('sniffImage', () => {
  it('reads the six formats from their bytes, and nothing else', () => {
    const bytes = (text: string) => Buffer.from(text, 'latin1');
    expect(sniffImage(PNG)).toBe('image/png');
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImage(bytes('GIF89a....'))).toBe('image/gif');
    expect(sniffImage(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImage(bytes('\0\0\0\x1cftypavif'))).toBe('image/avif');
    expect(sniffImage(bytes('<!-- made by hand -->\n<svg viewBox="0 0 1 1"/>'))).toBe('image/svg+xml');
    expect(sniffImage(bytes('<html><svg/></html>'))).toBeNull();
    expect(sniffImage(bytes('%PDF-1.7'))).toBeNull();
    expect(sniffImage(new Uint8Array())).toBeNull();
  });
});
