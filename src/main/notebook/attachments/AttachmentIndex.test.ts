import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { AttachmentIndex } from './AttachmentIndex';
import { vaultAttachmentPath } from './openVaultAttachment';

const dirs = tempDirs();

function vault(files: string[]): string {
  const root = dirs.make('attachments-');
  for (const file of files) {
    mkdirSync(join(root, ...file.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(root, ...file.split('/')), 'x'.repeat(10));
  }
  return root;
}

describe('AttachmentIndex', () => {
  it('finds an attachment by name anywhere in the vault, as Obsidian does', async () => {
    const index = new AttachmentIndex(
      vault([
        'assets/x.png',
        'Bio/img/cell.png',
        'Bio/cell.png',
        'Chem/cell.png',
        'deep/a/b/cell.png',
        'papers/paper.pdf',
        'Bio/Cells.md',
        '.obsidian/hidden.png',
        'node_modules/pkg/y.png',
      ]),
    );
    expect(await index.resolve('x.png', 'Notes/A.md')).toEqual({ path: 'assets/x.png', size: 10, kind: 'image' });
    expect((await index.resolve('X.PNG'))?.path).toBe('assets/x.png');
    expect((await index.resolve('assets/x.png'))?.path).toBe('assets/x.png');
    expect((await index.resolve('paper.pdf'))?.kind).toBe('pdf');
    // The note's folder first, then the closest folder, then the shortest path.
    expect((await index.resolve('cell.png', 'Bio/Cells.md'))?.path).toBe('Bio/cell.png');
    expect((await index.resolve('cell.png', 'Chem/Sub/Acids.md'))?.path).toBe('Chem/cell.png');
    expect((await index.resolve('cell.png', 'Top.md'))?.path).toBe('Bio/cell.png');
    expect((await index.resolve('img/cell.png', 'Top.md'))?.path).toBe('Bio/img/cell.png');
    expect((await index.resolve('./cell.png', 'Bio/img/Note.md'))?.path).toBe('Bio/img/cell.png');
    for (const missing of ['hidden.png', 'y.png', 'Cells.md', '../x.png', '/assets/x.png', 'nope.png', 'Cells'])
      expect(await index.resolve(missing, 'Bio/Cells.md'), missing).toBeNull();
  });

  it('reads the pixel size of an image, so its place is reserved before it loads', async () => {
    const root = vault(['doc.pdf']);
    const header = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      Buffer.from('IHDR', 'latin1'),
      Buffer.from([0, 0, 1, 64, 0, 0, 0, 160, 8, 2, 0, 0, 0, 0, 0, 0, 0]),
    ]);
    writeFileSync(join(root, 'wide.png'), header);
    writeFileSync(join(root, 'broken.png'), 'not an image');
    const index = new AttachmentIndex(root);
    const wide = (await index.resolve('wide.png'))!;
    expect(await index.withDimensions(wide)).toMatchObject({ path: 'wide.png', width: 320, height: 160 });
    const broken = (await index.resolve('broken.png'))!;
    expect(await index.withDimensions(broken)).toEqual(broken);
    const pdf = (await index.resolve('doc.pdf'))!;
    expect(await index.withDimensions(pdf)).toEqual(pdf);
  });

  it('sees a new file once invalidated', async () => {
    const root = vault(['a.png']);
    const index = new AttachmentIndex(root, 60_000);
    expect(await index.resolve('b.png')).toBeNull();
    writeFileSync(join(root, 'b.png'), 'x');
    index.invalidate();
    expect((await index.resolve('b.png'))?.path).toBe('b.png');
  });
});

describe('vaultAttachmentPath', () => {
  it('gives attachments inside the vault only', async () => {
    const root = vault(['papers/paper.pdf', 'run.sh', 'Note.md']);
    const outside = vault(['secret.pdf']);
    symlinkSync(join(outside, 'secret.pdf'), join(root, 'link.pdf'));
    expect(await vaultAttachmentPath(root, 'papers/paper.pdf')).toMatch(/paper\.pdf$/);
    for (const bad of [
      'link.pdf',
      '../secret.pdf',
      'run.sh',
      'Note.md',
      '.obsidian/x.pdf',
      'missing.pdf',
      '/etc/passwd',
    ])
      expect(await vaultAttachmentPath(root, bad), bad).toBeNull();
  });
});
