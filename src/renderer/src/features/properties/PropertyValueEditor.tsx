import { scanWikiLinks } from '@shared/links/parseWikiLinks';
import type { PropertyType, PropertyValue } from '@shared/properties/readProperties';
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';

export const TYPE_LABELS: Record<PropertyType, string> = {
  text: 'Text',
  list: 'List',
  number: 'Number',
  checkbox: 'Checkbox',
  date: 'Date',
  datetime: 'Date and time',
  tags: 'Tags',
  aliases: 'Aliases',
};

interface EditorProps {
  name: string;
  type: PropertyType;
  value: PropertyValue;
  readOnly: boolean;
  onCommit(value: PropertyValue): void;
  /** A tag chip clicked: search for the tag. */
  onTagClick?(tag: string): void;
  /** A wiki link in a value clicked (`related: "[[X]]"`): open its target. */
  onOpenLink?(target: string, heading: string | null): void;
}

/**
 * `text` with its wiki links as buttons that open them (the rest as text), or null when it
 * has none. Links are never HTML: a button per link, labelled by its label or target.
 */
function linkedText(text: string, name: string, onOpenLink: EditorProps['onOpenLink']): ReactNode[] | null {
  if (!onOpenLink || !text.includes('[[')) return null;
  const links = scanWikiLinks(text).filter((link) => !link.embed);
  if (links.length === 0) return null;
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const link of links) {
    if (link.start > cursor) parts.push(text.slice(cursor, link.start));
    const shown = link.label ?? (link.heading ? `${link.target} › ${link.heading}` : link.target);
    parts.push(
      <button
        key={link.start}
        type="button"
        className="property-link"
        title={`Open ${link.target || name}`}
        onClick={() => onOpenLink(link.target, link.heading)}
      >
        {shown}
      </button>,
    );
    cursor = link.end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return parts;
}

/** The editor for one property's value, by its type (see PropertyType). */
export function PropertyValueEditor(props: EditorProps) {
  const label = `${props.name} (${TYPE_LABELS[props.type].toLowerCase()})`;
  switch (props.type) {
    case 'checkbox':
      return (
        <input
          type="checkbox"
          className="property-checkbox"
          aria-label={label}
          checked={props.value === true}
          disabled={props.readOnly}
          onChange={(event) => props.onCommit(event.currentTarget.checked)}
        />
      );
    case 'list':
    case 'tags':
    case 'aliases':
      return <ListEditor {...props} label={label} />;
    default:
      return <ScalarInput {...props} label={label} />;
  }
}

function inputTypeOf(type: PropertyType): string {
  if (type === 'number') return 'number';
  if (type === 'date') return 'date';
  if (type === 'datetime') return 'datetime-local';
  return 'text';
}

/**
 * Text, number, date and datetime: edited in place, written when the field is left or on
 * Enter (a date at once when picked); Escape puts the value back.
 */
function ScalarInput(props: EditorProps & { label: string }) {
  const { type, value, readOnly, name, onOpenLink, label } = props;
  const shown = value === null ? '' : String(value);
  const [editingLinks, setEditingLinks] = useState(false);
  const links = type === 'text' && !editingLinks ? linkedText(shown, name, onOpenLink) : null;
  if (links) {
    return (
      <div className="property-linked" role="group" aria-label={label}>
        <span className="property-linked-text">{links}</span>
        {!readOnly && (
          <button
            type="button"
            className="property-edit icon-button"
            aria-label={`Edit ${name}`}
            title="Edit"
            onClick={() => setEditingLinks(true)}
          >
            <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
              <path
                d="M3 13l.6-2.6L10.5 3.5l2 2-6.9 6.9zM9.3 4.7l2 2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.3"
                strokeLinejoin="round"
              />
            </svg>
          </button>
        )}
      </div>
    );
  }
  return <ScalarField {...props} autoFocus={editingLinks} onDone={() => setEditingLinks(false)} />;
}

function ScalarField({
  type,
  value,
  readOnly,
  onCommit,
  label,
  autoFocus,
  onDone,
}: EditorProps & { label: string; autoFocus: boolean; onDone(): void }) {
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDraft(shown);
  }, [shown]);
  const commit = () => {
    editing.current = false;
    if (draft === shown) return;
    if (type === 'number' && draft.trim() !== '' && !Number.isFinite(Number(draft))) {
      setDraft(shown);
      return;
    }
    onCommit(type === 'number' ? (draft.trim() === '' ? null : Number(draft)) : draft);
  };
  const picker = type === 'date' || type === 'datetime';
  return (
    <input
      type={inputTypeOf(type)}
      className={`property-input property-input-${type}`}
      aria-label={label}
      value={draft}
      readOnly={readOnly}
      placeholder="Empty"
      autoFocus={autoFocus}
      step={type === 'number' ? 'any' : undefined}
      onFocus={() => {
        editing.current = true;
      }}
      onChange={(event) => {
        editing.current = true;
        setDraft(event.currentTarget.value);
        // A date input only reports whole dates (picked, or all parts typed): each is an edit.
        if (picker && event.currentTarget.value !== shown) onCommit(event.currentTarget.value);
      }}
      onBlur={() => {
        commit();
        onDone();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
          editing.current = true;
        } else if (event.key === 'Escape' && draft !== shown) {
          event.preventDefault();
          event.stopPropagation();
          setDraft(shown);
        }
      }}
    />
  );
}

/** Lists, tags and aliases: one chip per item (each with its remove button) and a field to add one. */
function ListEditor({
  name,
  type,
  value,
  readOnly,
  onCommit,
  onTagClick,
  onOpenLink,
  label,
}: EditorProps & { label: string }) {
  const items = Array.isArray(value) ? value : [];
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement | null>(null);
  const clean = (item: string) => (type === 'tags' ? item.trim().replace(/^#+/, '') : item.trim());
  const add = () => {
    const added = (type === 'tags' ? draft.split(/[,\s]+/) : [draft]).map(clean).filter((item) => item !== '');
    setDraft('');
    const fresh = added.filter((item) => !items.includes(item));
    if (fresh.length > 0) onCommit([...items, ...fresh]);
  };
  const remove = (index: number) => {
    onCommit(items.filter((_, at) => at !== index));
    input.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || (event.key === ',' && type !== 'aliases')) {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && items.length > 0) {
      event.preventDefault();
      remove(items.length - 1);
    } else if (event.key === 'Escape' && draft !== '') {
      event.preventDefault();
      event.stopPropagation();
      setDraft('');
    }
  };
  return (
    <div className={`property-list property-list-${type}`} role="group" aria-label={label}>
      <ul className="property-chips" aria-label={`${name} items`}>
        {items.map((item, index) => (
          <li key={`${index}:${item}`} className={`property-chip${type === 'tags' ? ' property-chip-tag' : ''}`}>
            {type === 'tags' && onTagClick ? (
              <button
                type="button"
                className="property-chip-label property-chip-search"
                title={`Search tag:${item}`}
                onClick={() => onTagClick(item)}
              >
                #{item}
              </button>
            ) : (
              <span className="property-chip-label">
                {type === 'tags' ? `#${item}` : (linkedText(item, name, onOpenLink) ?? item)}
              </span>
            )}
            {!readOnly && (
              <button
                type="button"
                className="property-chip-remove"
                aria-label={`Remove ${type === 'tags' ? `#${item}` : item} from ${name}`}
                title="Remove"
                onClick={() => remove(index)}
              >
                <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
                  <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
                </svg>
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <input
          ref={input}
          type="text"
          className="property-list-input"
          aria-label={`Add to ${name}`}
          placeholder={items.length === 0 ? (type === 'tags' ? 'Add a tag' : 'Add an item') : ''}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
        />
      )}
    </div>
  );
}
