import {
  addProperty,
  PropertyEditError,
  removeProperty,
  renameProperty,
  setPropertyValue,
} from '@shared/properties/editProperties';
import {
  PROPERTY_TYPES,
  readProperties,
  specialType,
  type Property,
  type PropertyType,
  type PropertyValue,
} from '@shared/properties/readProperties';
import type { PropertyTypesInfo } from '@shared/domain/propertyTypes';
import { valueAsType, valueFitsType } from '@shared/properties/propertyTypes';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import { Announcement } from '../../ui/Announcement';
import { useCommands } from '../../ui/commands/useCommands';
import { PropertyTypeIcon } from './PropertyTypeIcon';
import { PropertyTypeMenu } from './PropertyTypeMenu';
import { PropertyValueEditor, TYPE_LABELS } from './PropertyValueEditor';
import './properties.css';

export interface PropertiesPanelProps {
  /** The note's front matter block as the session holds it ('' for none). */
  frontMatter: string;
  /** The note's line ending, for a front matter block the panel creates. */
  eol: string;
  readOnly: boolean;
  /** The user changed a property: the new front matter block. */
  onChange(frontMatter: string): void;
  /** A tag clicked: search it. */
  onTagClick?(tag: string): void;
  /** A wiki link in a value clicked: open its target. */
  onOpenLink?(target: string, heading: string | null): void;
  /** The vault's property types (Obsidian's `.obsidian/types.json`): the editor of each name. */
  vaultTypes?: PropertyTypesInfo;
  /**
   * The user picked a type in a property's type menu: save it for the vault. Resolves to
   * null when saved, else to why not (the type still applies while the note is open).
   */
  onTypeChange?(key: string, type: PropertyType): Promise<string | null>;
}

interface Removed {
  key: string;
  before: string;
  after: string;
}

/**
 * The note's properties (its YAML front matter) under the title, as Obsidian shows them:
 * one row per key with an editor for its type, a name that can be renamed, a remove button
 * (with Undo), and "Add property". Collapsible; not shown for a note without front matter
 * until a property is added (the command palette's "Add property"). Every edit goes through
 * editProperties, so only the edited key's lines change; what cannot be edited is shown
 * read-only with the reason, and invalid YAML as its source with the parser's message.
 */
export function PropertiesPanel({
  frontMatter,
  eol,
  readOnly,
  onChange,
  onTagClick,
  onOpenLink,
  vaultTypes,
  onTypeChange,
}: PropertiesPanelProps) {
  const read = useMemo(() => readProperties(frontMatter), [frontMatter]);
  const [expanded, setExpanded] = useState(true);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removed, setRemoved] = useState<Removed | null>(null);
  // Types chosen for properties added empty (an empty value has no type of its own).
  const [chosenTypes, setChosenTypes] = useState<Record<string, PropertyType>>({});
  const headingId = useId();
  const bodyId = useId();
  const addButton = useRef<HTMLButtonElement | null>(null);

  // Undo applies to the text the removal left; any other change since makes it stale.
  const undoable = removed !== null && removed.after === frontMatter ? removed : null;

  const apply = (edit: (current: string) => string, message: string): boolean => {
    try {
      const next = edit(frontMatter);
      setError(null);
      if (next !== frontMatter) onChange(next);
      setAnnouncement(message);
      return true;
    } catch (failure) {
      const text = failure instanceof PropertyEditError ? failure.message : 'This change could not be made.';
      setError(text);
      setAnnouncement(text);
      return false;
    }
  };

  useCommands([
    {
      id: 'note.addProperty',
      title: 'Add property',
      group: 'Note',
      keywords: ['front matter', 'yaml', 'metadata', 'properties'],
      when: () => !readOnly && read.status !== 'unreadable',
      run: () => {
        setExpanded(true);
        setAdding(true);
      },
    },
  ]);

  if (read.status === 'none' && !adding && !undoable) return null;
  const properties = read.status === 'ok' ? read.properties : [];
  // The type picked here, else the vault's (types.json), applies when the value fits it;
  // a value that does not fit keeps its own editor and is never rewritten.
  const declaredOf = (property: Property): PropertyType | null => {
    if (Object.hasOwn(chosenTypes, property.key)) return chosenTypes[property.key]!;
    const types = vaultTypes?.types;
    return types && Object.hasOwn(types, property.key) ? types[property.key]! : null;
  };
  const typeOf = (property: Property): PropertyType => {
    const declared = declaredOf(property);
    return declared && valueFitsType(declared, property.value) ? declared : property.type;
  };
  const mismatchOf = (property: Property): PropertyType | null => {
    const declared = declaredOf(property);
    return declared && !property.readOnly && !valueFitsType(declared, property.value) ? declared : null;
  };

  const changeType = (property: Property, type: PropertyType) => {
    setChosenTypes((types) => ({ ...types, [property.key]: type }));
    const fits = valueFitsType(type, property.value);
    const shown = `${property.key} is now ${TYPE_LABELS[type].toLowerCase()}${fits ? '' : ' (its value is kept as written)'}.`;
    setError(null);
    setAnnouncement(shown);
    if (!onTypeChange) return;
    void onTypeChange(property.key, type).then((problem) => {
      if (problem === null) {
        // Saved: the vault's types hold it now, and a later change to them (here or on disk) applies.
        setChosenTypes(({ [property.key]: _saved, ...others }) => others);
        return;
      }
      const text = `The type of ${property.key} applies while this note is open, but was not saved: ${problem}`;
      setError(text);
      setAnnouncement(text);
    });
  };

  const setValue = (property: Property, type: PropertyType, value: PropertyValue) =>
    apply((current) => setPropertyValue(current, property.key, type, value), `${property.key} saved.`);

  const rename = (from: string, to: string): boolean =>
    apply((current) => renameProperty(current, from, to), `Renamed ${from} to ${to.trim()}.`);

  const remove = (key: string) => {
    const before = frontMatter;
    let after = before;
    const done = apply((current) => (after = removeProperty(current, key)), `Removed property ${key}.`);
    if (done) setRemoved({ key, before, after });
  };

  const undo = () => {
    if (!undoable) return;
    onChange(undoable.before);
    setAnnouncement(`Restored property ${undoable.key}.`);
    setRemoved(null);
  };

  const add = (name: string, type: PropertyType): boolean => {
    const done = apply(
      (current) => addProperty(current, name, type, null, eol),
      `Added property ${name.trim()} (${TYPE_LABELS[type].toLowerCase()}).`,
    );
    if (done) {
      setChosenTypes((types) => ({ ...types, [name.trim()]: type }));
      setAdding(false);
    }
    return done;
  };

  const count = properties.length;
  return (
    <section className="properties" aria-labelledby={headingId}>
      <h2 className="properties-heading">
        <button
          type="button"
          id={headingId}
          className="properties-toggle"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => setExpanded((open) => !open)}
        >
          <svg className="properties-chevron" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
            <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          Properties
          {!expanded && count > 0 && <span className="properties-count">{count}</span>}
        </button>
      </h2>
      <div id={bodyId} className="properties-body" hidden={!expanded}>
        {read.status === 'unreadable' && (
          <div className="properties-unreadable">
            <p className="properties-message" role="note">
              {read.message}
            </p>
            <pre className="properties-source" tabIndex={0} aria-label="Front matter source">
              {read.source}
            </pre>
          </div>
        )}
        {count > 0 && (
          <ul className="properties-list" aria-label="Note properties">
            {properties.map((property) => (
              <PropertyRow
                key={property.key}
                property={property}
                type={typeOf(property)}
                mismatch={mismatchOf(property)}
                readOnly={readOnly}
                onType={(type) => changeType(property, type)}
                onValue={(value) => setValue(property, typeOf(property), value)}
                onRename={(to) => rename(property.key, to)}
                onRemove={() => remove(property.key)}
                onTagClick={onTagClick}
                onOpenLink={onOpenLink}
              />
            ))}
          </ul>
        )}
        {error && (
          <p className="properties-error" role="alert">
            {error}
          </p>
        )}
        {undoable && (
          <p className="properties-undo">
            Removed “{undoable.key}”.
            <button type="button" className="text-button" onClick={undo}>
              Undo
            </button>
          </p>
        )}
        {!readOnly &&
          read.status !== 'unreadable' &&
          (adding ? (
            <AddPropertyForm
              existing={properties.map((property) => property.key)}
              onAdd={add}
              onCancel={() => {
                setAdding(false);
                setError(null);
                // The button is back only once the form is gone.
                setTimeout(() => addButton.current?.focus(), 0);
              }}
            />
          ) : (
            <button ref={addButton} type="button" className="properties-add" onClick={() => setAdding(true)}>
              <span aria-hidden="true">+</span> Add property
            </button>
          ))}
      </div>
      <Announcement message={announcement} />
    </section>
  );
}

interface RowProps {
  property: Property;
  type: PropertyType;
  /** The type chosen for the property when its value does not fit it (it keeps `type`'s editor). */
  mismatch: PropertyType | null;
  readOnly: boolean;
  onType(type: PropertyType): void;
  onValue(value: PropertyValue): void;
  onRename(to: string): boolean;
  onRemove(): void;
  onTagClick?(tag: string): void;
  onOpenLink?(target: string, heading: string | null): void;
}

function PropertyRow({
  property,
  type,
  mismatch,
  readOnly,
  onType,
  onValue,
  onRename,
  onRemove,
  onTagClick,
  onOpenLink,
}: RowProps) {
  // A rename remounts the row (its key is the property's name), so this starts from the new name.
  const [name, setName] = useState(property.key);
  const locked = readOnly || property.readOnly !== null;
  const commitName = () => {
    if (name.trim() === property.key || name.trim() === '') {
      setName(property.key);
      return;
    }
    if (!onRename(name)) setName(property.key);
  };
  return (
    <li className={`property-row${property.readOnly ? ' property-row-readonly' : ''}`}>
      {locked ? (
        <span className="property-icon" title={property.readOnly ? 'Read-only' : TYPE_LABELS[type]}>
          <PropertyTypeIcon type={property.readOnly ? null : type} />
        </span>
      ) : (
        <PropertyTypeMenu name={property.key} type={mismatch ?? type} onPick={onType} />
      )}
      <input
        className="property-key"
        aria-label={`Name of property ${property.key}`}
        value={name}
        readOnly={locked}
        spellCheck={false}
        onChange={(event) => setName(event.currentTarget.value)}
        onBlur={commitName}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commitName();
          } else if (event.key === 'Escape' && name !== property.key) {
            event.preventDefault();
            event.stopPropagation();
            setName(property.key);
          }
        }}
      />
      <div className="property-value">
        {property.readOnly ? (
          <div className="property-readonly">
            <pre className="property-source">{sourceValue(property)}</pre>
            <span className="property-reason">Read-only: {property.readOnly}</span>
          </div>
        ) : (
          <>
            <PropertyValueEditor
              name={property.key}
              type={type}
              value={valueFor(type, property.value)}
              readOnly={readOnly}
              onCommit={onValue}
              onTagClick={onTagClick}
              onOpenLink={onOpenLink}
            />
            {mismatch && (
              <span className="property-mismatch" role="note">
                Not {TYPE_ARTICLES[mismatch]}: kept as written.
              </span>
            )}
          </>
        )}
      </div>
      {!locked && (
        <button
          type="button"
          className="property-remove icon-button"
          aria-label={`Remove property ${property.key}`}
          title="Remove property"
          onClick={onRemove}
        >
          <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
            <path
              d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.3"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      )}
    </li>
  );
}

/** What a value that is not of a type is called, for the mismatch note. */
const TYPE_ARTICLES: Record<PropertyType, string> = {
  text: 'one line of text',
  list: 'a list',
  number: 'a number',
  checkbox: 'true or false',
  date: 'a date',
  datetime: 'a date and time',
  tags: 'tags',
  aliases: 'aliases',
};

/** A value shown in the editor of `type` (an empty value chosen as a list is an empty list). */
function valueFor(type: PropertyType, value: PropertyValue): PropertyValue {
  return valueFitsType(type, value) ? valueAsType(type, value) : value;
}

/** A read-only property's value as written: its lines without the key. */
function sourceValue(property: Property): string {
  const text = property.source.replace(/\r\n/g, '\n').replace(/\n$/, '');
  const colon = text.indexOf(':');
  const value = colon >= 0 ? text.slice(colon + 1) : text;
  return value.replace(/^[ \t]+/, '').replace(/^\n/, '');
}

function AddPropertyForm({
  existing,
  onAdd,
  onCancel,
}: {
  existing: string[];
  onAdd(name: string, type: PropertyType): boolean;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [type, setType] = useState<PropertyType>('text');
  const [typeTouched, setTypeTouched] = useState(false);
  const taken = existing.includes(name.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || taken) return;
    onAdd(name, type);
  };
  return (
    <form
      className="properties-add-form"
      aria-label="Add property"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <input
        className="property-key"
        aria-label="New property name"
        placeholder="Property name"
        value={name}
        autoFocus
        spellCheck={false}
        aria-invalid={taken || undefined}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setName(value);
          // `tags` and `aliases` have their type by name, as in Obsidian.
          const special = specialType(value.trim());
          if (special && !typeTouched) setType(special);
        }}
      />
      <select
        className="properties-type"
        aria-label="New property type"
        value={type}
        onChange={(event) => {
          setTypeTouched(true);
          setType(event.currentTarget.value as PropertyType);
        }}
      >
        {PROPERTY_TYPES.map((option) => (
          <option key={option} value={option}>
            {TYPE_LABELS[option]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-primary" disabled={name.trim() === '' || taken}>
        Add
      </button>
      <button type="button" className="text-button" onClick={onCancel}>
        Cancel
      </button>
      {taken && <span className="properties-hint">There is a property “{name.trim()}” already.</span>}
    </form>
  );
}
