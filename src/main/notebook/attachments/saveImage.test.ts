import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { attachmentFolderFor, DEFAULT_ATTACHMENT_FOLDER, saveImage } from './saveImage';

const dirs = tempDirs();
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const NOW = new Date(2026, 11, 4, 15, 30, 0);

function vaultWith(setting?: unknown): string {
  const vault = dirs.make('save-image-');
  if (setting !== undefined) {
    mkdirSync(join(vault, '.obsidian'));
    writeFileSync(join(vault, '.obsidian', 'app.json'), JSON.stringify({ attachmentFolderPath: setting }));
  }
  return vault;
}

describe('attachmentFolderFor', () => {
  it("follows Obsidian's attachmentFolderPath, else the documented default", async () => {
    expect(await attachmentFolderFor(vaultWith(), 'Bio/Cells.md')).toBe(DEFAULT_ATTACHMENT_FOLDER);
    expect(await attachmentFolderFor(vaultWith('/'), 'Bio/Cells.md')).toBe('');
    expect(await attachmentFolderFor(vaultWith('./'), 'Bio/Cells.md')).toBe('Bio');
    expect(await attachmentFolderFor(vaultWith('./img'), 'Bio/Cells.md')).toBe('Bio/img');
    expect(await attachmentFolderFor(vaultWith('Assets/Images'), 'Bio/Cells.md')).toBe('Assets/Images');
    for (const escape of ['../outside', './../../x', '.obsidian', 42])
      expect(await attachmentFolderFor(vaultWith(escape), 'Cells.md'), String(escape)).toBe(DEFAULT_ATTACHMENT_FOLDER);
  });
});

describe('saveImage', () => {
  it('names images as Obsidian does, adds " 1" on a clash, never replaces a file', async () => {
    const vault = vaultWith('Assets');
    const first = await saveImage(vault, 'Cells.md', PNG, NOW);
    expect(first).toEqual({
      path: 'Assets/Pasted image 20261204153000.png',
      embed: '![[Pasted image 20261204153000.png]]',
    });
    const second = await saveImage(vault, 'Cells.md', PNG, NOW);
    expect(second.path).toBe('Assets/Pasted image 20261204153000 1.png');
    expect(readFileSync(join(vault, 'Assets', 'Pasted image 20261204153000.png'))).toEqual(PNG);
  });

  it('takes the extension from the bytes and refuses what is not an image', async () => {
    const vault = vaultWith();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await saveImage(vault, 'A.md', svg, NOW)).path).toBe('attachments/Pasted image 20261204153000.svg');
    await expect(saveImage(vault, 'A.md', Buffer.from('<html><script>x</script>'), NOW)).rejects.toMatchObject({
      code: 'invalid-arguments',
    });
  });
});
