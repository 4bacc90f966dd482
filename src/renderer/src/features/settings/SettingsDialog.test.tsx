import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { NotebookError } from '@shared/api/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/ApiContext';
import { fakeClient } from '../../api/testing/fakeClient';
import { installShowModal } from '../../ui/testing/showModal';
import { SettingsDialog } from './SettingsDialog';

let uninstall: () => void;
beforeEach(() => {
  uninstall = installShowModal();
});
afterEach(() => uninstall());

afterEach(cleanup);

function setup(overrides: Parameters<typeof fakeClient>[0] = {}) {
  const api = fakeClient({
    getHighlightsFolder: async () => ({ folder: 'Highlights' }),
    getPreferences: async () => ({}),
    ...overrides,
  });
  const onClose = vi.fn();
  render(
    <ApiProvider client={api}>
      <SettingsDialog onClose={onClose} />
    </ApiProvider>,
  );
  return { api, onClose };
}

describe('SettingsDialog', () => {
  it('renames the highlights folder and says how many files moved', async () => {
    const setHighlightsFolder = vi.fn(async ({ folder }: { folder: string }) => ({ folder, moved: 3 }));
    setup({ setHighlightsFolder });
    const field = screen.getByRole('textbox', { name: 'Highlights folder' });
    await waitFor(() => expect((field as HTMLInputElement).value).toBe('Highlights'));
    const rename = screen.getByRole('button', { name: 'Rename folder' });
    expect((rename as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(field, { target: { value: ' Study/Annotations/ ' } });
    fireEvent.click(rename);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Moved 3 highlight files to “Study/Annotations”.'),
    );
    expect(setHighlightsFolder).toHaveBeenCalledWith({ folder: 'Study/Annotations' });
  });

  it('shows the backend’s refusal and keeps the field as typed', async () => {
    setup({
      setHighlightsFolder: async () => {
        throw new NotebookError('already-exists', 'The folder “Notes” already holds other files.');
      },
    });
    const field = screen.getByRole('textbox', { name: 'Highlights folder' });
    await waitFor(() => expect((field as HTMLInputElement).value).toBe('Highlights'));
    fireEvent.change(field, { target: { value: 'Notes' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/already holds other files/));
    expect((field as HTMLInputElement).value).toBe('Notes');
  });

  it('turns definitions in notes off', async () => {
    const updatePreferences = vi.fn(async ({ patch }) => patch);
    setup({ updatePreferences });
    const box = screen.getByRole('checkbox', { name: /Underline glossary terms/ });
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    fireEvent.click(box);
    await waitFor(() => expect(updatePreferences).toHaveBeenCalledWith({ patch: { termDefinitions: 'off' } }));
    expect((box as HTMLInputElement).checked).toBe(false);
  });

  it('changes the web images preference', async () => {
    const updatePreferences = vi.fn(async ({ patch }) => patch);
    setup({ updatePreferences });
    const always = screen.getByRole('radio', { name: 'Always load them' });
    await waitFor(() => expect((always as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(always);
    await waitFor(() => expect(updatePreferences).toHaveBeenCalledWith({ patch: { remoteImages: 'always' } }));
    expect((always as HTMLInputElement).checked).toBe(true);
  });
});
