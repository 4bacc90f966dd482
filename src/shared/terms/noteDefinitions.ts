import { addProperty, removeProperty, setPropertyValue } from '../properties/editProperties';
import { readProperties } from '../properties/readProperties';

/**
 * The per-note switch of definitions in notes: a `definitions` property in the note's front
 * matter. `definitions: false` (a checkbox, as Obsidian writes it; also "off" or "no")
 * turns them off for the note; no property, or any other value, leaves them on.
 */
export const DEFINITIONS_PROPERTY = 'definitions';

/** True when the note's front matter turns definitions off. */
export function definitionsOffIn(frontMatter: string): boolean {
  if (!frontMatter.includes(DEFINITIONS_PROPERTY)) return false;
  const read = readProperties(frontMatter);
  if (read.status !== 'ok') return false;
  const property = read.properties.find((candidate) => candidate.key === DEFINITIONS_PROPERTY);
  const value = property?.value;
  return value === false || (typeof value === 'string' && /^(false|off|no)$/i.test(value.trim()));
}

/**
 * The front matter with definitions turned on (the property removed) or off
 * (`definitions: false`, added at the end or set in place). Throws PropertyEditError when
 * the front matter cannot be edited (see editProperties).
 */
export function withDefinitions(frontMatter: string, on: boolean, eol = '\n'): string {
  const read = readProperties(frontMatter);
  const has = read.status === 'ok' && read.properties.some((property) => property.key === DEFINITIONS_PROPERTY);
  if (on) return has ? removeProperty(frontMatter, DEFINITIONS_PROPERTY) : frontMatter;
  if (has) return setPropertyValue(frontMatter, DEFINITIONS_PROPERTY, 'checkbox', false);
  return addProperty(frontMatter, DEFINITIONS_PROPERTY, 'checkbox', false, eol);
}
