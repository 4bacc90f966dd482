import { NotebookError } from '@shared/api/errors';
import type { ImportPreview, ImportResult } from '@shared/domain/packs';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/ApiContext';
import type { NotebookApi } from '@shared/api/NotebookApi';
import { fakeClient } from '../../api/testing/fakeClient';
import { AddPackDialog } from './AddPackDialog';
import { folderSelection } from './uploadPackSource';

beforeAll(() => {
  // jsdom has <dialog> without showModal.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
afterEach(cleanup);

const PREVIEW: ImportPreview = {
  format: 'csv',
  encoding: 'utf-8',
  encodingDetected: true,
  separator: ',',
  columns: [
    { name: 'Term', role: 'term' },
    { name: 'Definition', role: 'definition' },
  ],
  entries: [
    {
      title: 'Synapse',
      aliases: ['junction'],
      definition: 'Where <b>neurons</b> meet.',
      sections: [],
      source: 'w.csv, line 2',
    },
  ],
  entryCount: 41,
  problems: [{ line: 7, reason: 'no term' }],
  problemCount: 1,
  suggestedName: 'words',
};

const RESULT: ImportResult = {
  pack: {
    id: 'words',
    name: 'My words',
    source: { name: 'words.csv', format: 'csv' },
    entryCount: 41,
    skippedCount: 1,
    importedAt: '2026-01-01T00:00:00.000Z',
    hidden: false,
    builtIn: false,
  },
  keptIds: 0,
  problems: [{ line: 7, reason: 'no term' }],
  problemCount: 1,
};

const UPLOAD = '0123456789abcdef0123456789abcdef';

function setup(overrides: Partial<NotebookApi> = {}) {
  const api = fakeClient({
    startPackUpload: async () => ({ uploadId: UPLOAD }),
    appendPackUpload: async () => ({ bytes: 1 }),
    previewPackImport: async () => PREVIEW,
    discardPackUpload: async () => undefined,
    ...overrides,
  });
  const onClose = vi.fn();
  render(
    <ApiProvider client={api}>
      <AddPackDialog onClose={onClose} />
    </ApiProvider>,
  );
  const pick = (file: File) => fireEvent.change(screen.getByLabelText('File to import'), { target: { files: [file] } });
  return { api, onClose, pick };
}

describe('AddPackDialog', () => {
  it('copies the chosen file, shows the preview as text before anything is imported, then imports with progress', async () => {
    const { api, pick } = setup();
    let finish: (result: ImportResult) => void = () => undefined;
    api.importPack.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    pick(new File(['term,definition\nSynapse,Where neurons meet.\n'], 'words.csv', { type: 'text/csv' }));

    expect(await screen.findByText('CSV · UTF-8 (detected) · comma-separated')).toBeTruthy();
    expect(api.startPackUpload).toHaveBeenCalledWith({ name: 'words.csv', kind: 'file' });
    expect(api.appendPackUpload).toHaveBeenCalledWith({
      uploadId: UPLOAD,
      path: 'words.csv',
      data: btoa('term,definition\nSynapse,Where neurons meet.\n'),
    });
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader').textContent).toBe('Synapsejunction');
    // Markup in a definition stays text.
    expect(within(table).getByText('Where <b>neurons</b> meet.')).toBeTruthy();
    expect(screen.getByText('1 row left out')).toBeTruthy();
    expect(screen.getByText('Line 7:').parentElement?.textContent).toBe('Line 7: no term');
    expect((screen.getByLabelText('Pack name') as HTMLInputElement).value).toBe('words');
    expect(api.importPack).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Pack name'), { target: { value: 'My words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import 41 entries' }));
    expect(api.importPack).toHaveBeenCalledWith({ uploadId: UPLOAD, options: undefined, name: 'My words' });
    act(() => api.emit('pack-import-progress', { uploadId: UPLOAD, phase: 'writing', done: 20, total: 41 }));
    const bar = screen.getByRole('progressbar', { name: 'Importing' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([20, 41]);
    expect(screen.getByText('Writing the pack…')).toBeTruthy();

    await act(async () => finish(RESULT));
    expect(screen.getByRole('status').textContent).toContain('Imported 41 entries into “My words”.');
    expect(screen.getByRole('status').textContent).toContain('1 row was left out');
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();
  });

  it('previews again with the reading options chosen', async () => {
    const { api, pick } = setup();
    pick(new File(['a\tb'], 'deck.txt'));
    await screen.findByText('Preview');
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'quizlet' } });
    fireEvent.change(await screen.findByLabelText('Between rows'), { target: { value: ';;' } });
    await waitFor(() =>
      expect(api.previewPackImport).toHaveBeenLastCalledWith({
        uploadId: UPLOAD,
        options: { format: 'quizlet', rowSeparator: ';;' },
      }),
    );
  });

  it('says why a broken file cannot be imported and offers no import', async () => {
    const { pick } = setup({
      previewPackImport: async () => {
        throw new NotebookError('invalid-arguments', 'broken.csv, line 4: a quoted field opened here is never closed');
      },
    });
    pick(new File(['"x'], 'broken.csv'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'broken.csv, line 4: a quoted field opened here is never closed',
    );
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('drops the upload when the dialog is left without importing', async () => {
    const { api, pick, onClose } = setup();
    pick(new File(['a,b'], 'w.csv'));
    await screen.findByText('Preview');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    cleanup();
    expect(api.discardPackUpload).toHaveBeenCalledWith({ uploadId: UPLOAD });
  });
});

describe('folderSelection', () => {
  it('keeps the files a folder import reads, with paths inside the folder, and skips hidden ones', () => {
    const file = (path: string) => {
      const f = new File(['x'], path.split('/').at(-1)!);
      Object.defineProperty(f, 'webkitRelativePath', { value: path });
      return f;
    };
    const picked = folderSelection([
      file('Notes/Cells.md'),
      file('Notes/Bio/Axon.md'),
      file('Notes/.obsidian/app.json'),
      file('Notes/.trash/Old.md'),
      file('Notes/image.png'),
      file('Notes/manifest.json'),
    ]);
    expect(picked?.kind === 'folder' && picked.files.map((f) => f.path)).toEqual([
      'Cells.md',
      'Bio/Axon.md',
      'manifest.json',
    ]);
    expect(picked?.name).toBe('Notes');
  });
});
