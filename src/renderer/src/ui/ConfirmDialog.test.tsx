import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';
import { installShowModal } from './testing/showModal';

let uninstall: () => void;
beforeEach(() => {
  uninstall = installShowModal();
});
afterEach(() => {
  cleanup();
  uninstall();
});

describe('ConfirmDialog', () => {
  it('opens with the focus on its answer when that answer is safe', () => {
    render(
      <ConfirmDialog title="Create “Idea”?" confirmLabel="Create note" onConfirm={() => {}} onCancel={() => {}} />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create note' }));
  });

  it('opens with the focus on Cancel when the answer destroys something', () => {
    render(
      <ConfirmDialog
        title="Remove “Cards”?"
        confirmLabel="Remove pack"
        danger
        onConfirm={() => {}}
        onCancel={() => {}}
      />,
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });
});
