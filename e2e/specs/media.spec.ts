/**
 * Rich notes, media part: images of the vault shown inline (and a missing one as missing),
 * SVG only as an image, vault files served narrowly, Markdown links to notes as link chips
 * and %%comments%% muted. One launch for the whole flow, to keep CI time down.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { expect, test } from '../fixtures/app';
import { NotesPane } from '../pages/NotesPane';

/** A solid-colour PNG of `width`×`height`, made here so the spec needs no binary fixture. */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3]!)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const EVIL_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" onload="window.__canary=1">' +
  '<script>window.__canary=1</script><rect width="120" height="60" rx="8" fill="#7c5cff"/></svg>';

const NOTE = [
  '# Lecture 4: the cell cycle',
  '',
  'Diagram from the slides: ![[cycle.png|240]]',
  '',
  'Phases, as drawn in class: ![Mitosis phases](figures/mitosis%20phases.png)',
  '',
  'A logo as SVG: ![[logo.svg]] and one I still have to find: ![[lost.png]]',
  '',
  'See [the cell notes](Cell%20Biology.md#Organelles) for more. %% ask about [[Meiosis]] %%',
  '',
].join('\n');

test('images show inline, missing ones as missing, SVG runs nothing, Markdown links open notes', async ({
  notebook,
}) => {
  const { vaultDir, page } = notebook;
  mkdirSync(join(vaultDir, 'attachments'), { recursive: true });
  mkdirSync(join(vaultDir, 'figures'), { recursive: true });
  writeFileSync(join(vaultDir, 'attachments', 'cycle.png'), png(320, 160, [79, 140, 255]));
  writeFileSync(join(vaultDir, 'figures', 'mitosis phases.png'), png(200, 80, [46, 170, 120]));
  writeFileSync(join(vaultDir, 'logo.svg'), EVIL_SVG);
  writeFileSync(join(vaultDir, 'Cell Biology.md'), '# Cell Biology\n\n## Organelles\n\nMitochondria.\n');
  writeFileSync(join(vaultDir, 'Lecture 4.md'), NOTE);

  const notes = new NotesPane(page);
  await notes.open('Lecture 4');
  const images = notes.editor.locator('img.ed-image');
  await expect(images).toHaveCount(3);
  for (const image of await images.all()) {
    await expect(image).toHaveAttribute('loading', 'lazy');
    await expect(image).toHaveAttribute('decoding', 'async');
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  }
  await expect(notes.editor.locator('img[alt="cycle.png"]')).toHaveAttribute('width', '240');
  await expect(notes.editor.getByRole('img', { name: 'Missing image: lost.png' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __canary?: number }).__canary)).toBeUndefined();

  // The vault's files come only from /vault-file/, never sniffed, sandboxed, and nothing outside.
  const served = await page.evaluate(async () => {
    const one = async (path: string) => {
      const res = await fetch(path);
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        nosniff: res.headers.get('x-content-type-options'),
        csp: res.headers.get('content-security-policy'),
      };
    };
    return {
      svg: await one('/vault-file/logo.svg'),
      up: await one('/vault-file/..%2f..%2fetc%2fpasswd'),
      note: await one('/vault-file/Lecture%204.md'),
    };
  });
  expect(served.svg).toMatchObject({ status: 200, type: 'image/svg+xml', nosniff: 'nosniff' });
  expect(served.svg.csp).toMatch(/^sandbox/);
  expect(served.up.status).toBe(404);
  expect(served.note.status).toBe(404);

  // The comment is muted, and the Markdown link is a chip that opens its note.
  await expect(notes.editor.locator('.md-comment')).toHaveText('%% ask about [[Meiosis]] %%');
  const chip = notes.linkChip('the cell notes');
  await expect(chip).toHaveAttribute('data-link-kind', 'note');

  // Edited, everything else is saved exactly as it was.
  await notes.editor.getByText('Diagram from the slides:').click();
  await page.keyboard.press('Home');
  await notes.type('New: ');
  await notes.waitSaved();
  expect(readFileSync(join(vaultDir, 'Lecture 4.md'), 'utf8')).toBe(NOTE.replace('Diagram from', 'New: Diagram from'));

  await chip.click();
  await expect(notes.title).toHaveValue('Cell Biology');
});
