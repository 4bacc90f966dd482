import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from './MenuButton';

afterEach(cleanup);

function setup() {
  const add = vi.fn();
  const manage = vi.fn();
  render(
    <MenuButton
      label="Glossary options"
      items={[
        { id: 'add', label: 'Add reference pack…', run: add },
        { id: 'manage', label: 'Manage reference packs…', run: manage },
      ]}
    >
      …
    </MenuButton>,
  );
  const button = screen.getByRole('button', { name: 'Glossary options' });
  return { add, manage, button };
}

describe('MenuButton', () => {
  it('opens on the first item, moves with the arrows, runs with Enter and gives the focus back', () => {
    const { manage, button } = setup();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = screen.getAllByRole('menuitem');
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getAllByRole('menuitem')[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(manage).toHaveBeenCalledOnce();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens on the last item with ArrowUp and closes with Escape, focus back on the button', () => {
    const { add, button } = setup();
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(document.activeElement?.textContent).toBe('Manage reference packs…');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(add).not.toHaveBeenCalled();
  });

  it('closes on a click elsewhere', () => {
    const { button } = setup();
    fireEvent.click(button);
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
