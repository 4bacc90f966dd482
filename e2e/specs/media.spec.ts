/**
 * Rich notes, media part: images of the vault shown inline (and a missing one as missing),
 * SVG only as an image, vault files served narrowly, Markdown links to notes as link chips
 * and %%comments%% muted; then images pasted, dropped and inserted, resized by mouse and
 * keyboard, web images blocked until allowed, and file chips. One launch per flow, to keep
 * CI time down.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { expect, test } from '../fixtures/app';
import { startTrap } from '../fixtures/trapServer';
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

/** Hands `files` (name, type, base64 bytes) to the editor as a paste or a drop, as the browser does. */
async function sendFiles(
  notes: NotesPane,
  kind: 'paste' | 'drop',
  files: Array<{ name: string; type: string; data: string }>,
): Promise<void> {
  await notes.editor.evaluate(
    (editor, { kind, files }) => {
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.data), (char) => char.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      const box = editor.getBoundingClientRect();
      const event =
        kind === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent('drop', {
              dataTransfer: data,
              bubbles: true,
              cancelable: true,
              clientX: box.right - 4,
              clientY: box.bottom - 4,
            });
      editor.dispatchEvent(event);
    },
    { kind, files },
  );
}

test('images are pasted, dropped, inserted and resized; web images wait for consent; files are chips', async ({
  notebook,
}) => {
  const { vaultDir, stateDir, page } = notebook;
  const trap = await startTrap();
  const served: string[] = [];
  const images = createServer((req, res) => {
    served.push(req.url ?? '');
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(png(60, 30, [220, 80, 60]));
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  const imageOrigin = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  try {
    mkdirSync(join(vaultDir, '.obsidian'), { recursive: true });
    writeFileSync(join(vaultDir, '.obsidian', 'app.json'), JSON.stringify({ attachmentFolderPath: './img' }));
    mkdirSync(join(vaultDir, 'assets', 'deep'), { recursive: true });
    mkdirSync(join(vaultDir, 'papers'), { recursive: true });
    mkdirSync(join(vaultDir, 'Course'), { recursive: true });
    writeFileSync(join(vaultDir, 'assets', 'deep', 'cycle.png'), png(400, 200, [79, 140, 255]));
    writeFileSync(join(vaultDir, 'papers', 'paper.pdf'), `%PDF-1.4\n${'x'.repeat(2000)}`);
    const note = [
      '# Media',
      '',
      'Found by name: ![[cycle.png]]',
      '',
      'Reading: ![[paper.pdf]] and ![[gone.pdf]]',
      '',
      `Web: ![tracker](${trap.url}/pixel.png) ![chart](${imageOrigin}/chart.png)`,
      '',
      'End.',
      '',
    ].join('\n');
    writeFileSync(join(vaultDir, 'Course', 'Media.md'), note);
    writeFileSync(join(vaultDir, 'Other.md'), '# Other\n');

    const notes = new NotesPane(page);
    await notes.open('Media');
    // Found anywhere in the vault by name; a PDF is a chip; a missing file says so.
    const cycle = notes.editor.locator('img[alt="cycle.png"]');
    await expect.poll(() => cycle.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(cycle).toHaveAttribute('src', '/vault-file/assets/deep/cycle.png');
    await expect(notes.editor.getByRole('button', { name: /^Open PDF\s*paper\.pdf\s*,\s*2\.0 KB$/ })).toBeVisible();
    await expect(notes.editor.getByRole('img', { name: 'Missing file: gone.pdf' })).toBeVisible();
    const download = await page.evaluate(async () => {
      const res = await fetch('/vault-download/papers/paper.pdf');
      return { status: res.status, disposition: res.headers.get('content-disposition') };
    });
    expect(download).toEqual({ status: 200, disposition: "attachment; filename*=UTF-8''paper.pdf" });

    // Web images: nothing is requested until the user allows it, and then by the backend.
    const blocked = notes.editor.getByRole('group', { name: /^Image from 127\.0\.0\.1:\d+, not loaded$/ });
    await expect(blocked).toHaveCount(2);
    expect(trap.hits).toEqual([]);
    expect(served).toEqual([]);
    await blocked.first().getByRole('button', { name: 'Load for this note' }).click();
    await expect(notes.editor.locator('img[alt="chart"]')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(notes.editor.getByText(/could not be loaded: The server answered 404/)).toBeVisible();
    expect(trap.hits).toEqual(['/pixel.png']);
    expect(
      existsSync(join(stateDir, 'settings.json')) && readFileSync(join(stateDir, 'settings.json'), 'utf8'),
    ).not.toContain('always');

    // Resized by dragging the handle of the selected image: the width is written into the link.
    await cycle.click();
    const handle = notes.editor.getByRole('slider', { name: 'Width of image cycle.png' });
    await expect(handle).toBeVisible();
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 60, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x - 140, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await notes.waitSaved();
    const dragged = Number(
      /!\[\[cycle\.png\|(\d+)\]\]/.exec(readFileSync(join(vaultDir, 'Course', 'Media.md'), 'utf8'))?.[1],
    );
    expect(dragged).toBeGreaterThan(150);
    expect(dragged).toBeLessThan(400);
    // From the keyboard: Enter on the selected image focuses the handle, arrows step by 10 px.
    await cycle.click();
    await page.keyboard.press('Enter');
    await expect(handle).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(handle).toHaveAttribute('aria-valuetext', `${dragged - 20} pixels wide`);
    await page.keyboard.press('Enter');
    await notes.waitSaved();
    expect(readFileSync(join(vaultDir, 'Course', 'Media.md'), 'utf8')).toBe(
      note.replace('![[cycle.png]]', `![[cycle.png|${dragged - 20}]]`),
    );

    // Pasted and inserted images go to the attachment folder (./img beside the note), named as Obsidian does.
    await notes.editor.getByText('End.').click();
    await page.keyboard.press('End');
    const shot = png(30, 20, [10, 200, 90]).toString('base64');
    await sendFiles(notes, 'paste', [{ name: 'image.png', type: 'image/png', data: shot }]);
    await expect
      .poll(() => (existsSync(join(vaultDir, 'Course', 'img')) ? readdirSync(join(vaultDir, 'Course', 'img')) : []))
      .toHaveLength(1);
    const chooser = page.waitForEvent('filechooser');
    await notes.toolbar.getByRole('button', { name: 'Insert image…' }).click();
    await (await chooser).setFiles({ name: 'diagram.png', mimeType: 'image/png', buffer: png(30, 20, [1, 2, 3]) });
    await expect.poll(() => readdirSync(join(vaultDir, 'Course', 'img'))).toHaveLength(2);
    // A file that is not an image is refused with a message, and nothing is written.
    await sendFiles(notes, 'drop', [{ name: 'notes.txt', type: 'text/plain', data: btoa('hello') }]);
    await expect(page.locator('.toast')).toContainText('“notes.txt” is not an image');
    await notes.waitSaved();
    const saved = readdirSync(join(vaultDir, 'Course', 'img')).sort();
    expect(saved).toHaveLength(2);
    for (const name of saved) expect(name).toMatch(/^Pasted image \d{14}( 1)?\.png$/);
    const text = readFileSync(join(vaultDir, 'Course', 'Media.md'), 'utf8');
    for (const name of saved) expect(text).toContain(`![[${name}]]`);
    await expect(notes.editor.locator('img.ed-image[alt^="Pasted image"]')).toHaveCount(2);

    // "Always load" is remembered in the app's settings.
    await notes.open('Other');
    await notes.open('Media');
    await notes.editor.getByRole('button', { name: 'Always load' }).first().click();
    await expect(notes.editor.locator('img[alt="chart"]')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect
      .poll(() => readFileSync(join(stateDir, 'settings.json'), 'utf8'))
      .toContain('"remoteImages": "always"');
  } finally {
    await trap.close();
    await new Promise<void>((resolve) => images.close(() => resolve()));
  }
});
