import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import './menuButton.css';

export interface MenuItem {
  id: string;
  label: string;
  run(): void;
}

export interface MenuButtonProps {
  /** The button's accessible name, e.g. "Glossary options". */
  label: string;
  items: readonly MenuItem[];
  /** The button's face (an icon); the label is then its name. */
  children: ReactNode;
  className?: string;
}

/**
 * A button that opens a menu, following the WAI-ARIA menu button pattern: Enter, Space or
 * ArrowDown open it on the first item (ArrowUp on the last); arrows, Home and End move;
 * Enter or Space runs an item; Escape closes and gives the focus back to the button; Tab
 * and a click elsewhere close it. An item runs after the menu has closed and the focus is
 * back on the button, so a dialog it opens finds the button to return to.
 */
export function MenuButton({ label, items, children, className }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const show = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const run = (item: MenuItem) => {
    close(true);
    item.run();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      show(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const last = items.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case 'ArrowDown':
        next = active === last ? 0 : active + 1;
        break;
      case 'ArrowUp':
        next = active === 0 ? last : active - 1;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      case 'Tab':
        close(false);
        return;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const item = items[active];
        if (item) run(item);
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    setActive(next);
  };

  return (
    <span className={`menu-button ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : show(0))}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={label} className="menu" onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => (
            <li
              key={item.id}
              role="menuitem"
              tabIndex={index === active ? 0 : -1}
              className="menu-item"
              onClick={() => run(item)}
              onMouseEnter={() => setActive(index)}
            >
              {item.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
