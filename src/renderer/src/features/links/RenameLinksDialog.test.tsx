import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RenameLinksDialog } from './RenameLinksDialog';

beforeEach(() => {
  // As the browser does it: showModal() opens the dialog and focuses the first element with
  // an `autofocus` attribute, else the first focusable one. (jsdom has no such focusing.)
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
    const target =
      this.querySelector<HTMLElement>('[autofocus]') ?? this.querySelector<HTMLElement>('button, input, [tabindex]');
    target?.focus();
  };
});
afterEach(() => {
  cleanup();
  delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
});

describe('RenameLinksDialog', () => {
  it('opens with the focus on its main action, Update links, not on Cancel', () => {
    render(<RenameLinksDialog from="Neurons" to="Nerve cells" links={4} notes={2} onChoose={() => undefined} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Update links' }));
  });
});
