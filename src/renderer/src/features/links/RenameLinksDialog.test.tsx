import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installShowModal } from '../../ui/testing/showModal';
import { RenameLinksDialog } from './RenameLinksDialog';

let uninstall: () => void;
beforeEach(() => {
  uninstall = installShowModal();
});
afterEach(() => {
  cleanup();
  uninstall();
});

describe('RenameLinksDialog', () => {
  it('opens with the focus on its main action, Update links, not on Cancel', () => {
    render(<RenameLinksDialog from="Neurons" to="Nerve cells" links={4} notes={2} onChoose={() => undefined} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Update links' }));
  });
});
