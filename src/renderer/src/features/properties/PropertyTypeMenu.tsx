import type { PropertyType } from '@shared/properties/readProperties';
import { CHOOSABLE_TYPES } from '@shared/properties/propertyTypes';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { PropertyTypeIcon } from './PropertyTypeIcon';
import { TYPE_LABELS } from './PropertyValueEditor';

/**
 * A property's type icon, a button that opens the menu of types (Text, List, Number,
 * Checkbox, Date, Date and time), as in Obsidian. Arrow keys move, Enter or a click picks,
 * Escape or a click elsewhere closes, and the focus goes back to the icon.
 */
export function PropertyTypeMenu({
  name,
  type,
  onPick,
}: {
  name: string;
  type: PropertyType;
  onPick(type: PropertyType): void;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement | null>(null);
  const menu = useRef<HTMLUListElement | null>(null);
  const menuId = useId();
  const options = CHOOSABLE_TYPES.includes(type) ? CHOOSABLE_TYPES : [type, ...CHOOSABLE_TYPES];

  useEffect(() => {
    if (!open) return;
    const current = menu.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (current ?? menu.current?.querySelector<HTMLElement>('[role="menuitemradio"]'))?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const pick = (choice: PropertyType) => {
    close();
    if (choice !== type) onPick(choice);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = (at + 1) % items.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (next >= 0) {
      event.preventDefault();
      items[next]?.focus();
    }
  };

  return (
    <span className="property-type">
      <button
        ref={button}
        type="button"
        className="property-icon property-type-button"
        aria-label={`Type of ${name}: ${TYPE_LABELS[type]}. Change type`}
        title={`${TYPE_LABELS[type]} · change type`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <PropertyTypeIcon type={type} />
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          className="property-type-menu"
          role="menu"
          aria-label={`Type of ${name}`}
          onKeyDown={onKeyDown}
        >
          {options.map((option) => (
            <li
              key={option}
              role="menuitemradio"
              aria-checked={option === type}
              tabIndex={-1}
              className="property-type-option"
              onClick={() => pick(option)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  pick(option);
                }
              }}
            >
              <PropertyTypeIcon type={option} />
              <span>{TYPE_LABELS[option]}</span>
              {option === type && (
                <svg className="property-type-check" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
                  <path
                    d="M3.5 8.5l3 3 6-7"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.6"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              )}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
