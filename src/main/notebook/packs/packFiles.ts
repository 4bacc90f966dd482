import { ENTRY_ID_PATTERN, type GlossaryEntry } from '@shared/domain/glossary';
import { PACK_FORMATS, PACK_ID_PATTERN, type PackFormat, type PackSummary } from '@shared/domain/packs';

/** The files of one stored pack, in `<state dir>/packs/<pack id>/`. */
export const MANIFEST_FILE = 'manifest.json';
export const ENTRIES_FILE = 'entries.ndjson';
const FORMAT_VERSION = 1;

/** What `manifest.json` holds: the pack's summary, plus what only the backend needs. */
export interface PackManifest extends Omit<PackSummary, 'problem'> {
  /** Put before the slug of every entry id (`<prefix>--<slug>`); '' for the shipped glossary. */
  idPrefix: string;
  /** Hash of the source's bytes at the last import (the shipped glossary is re-seeded when it differs). */
  sourceHash: string;
}

/**
 * Renders a manifest. Written with the entries when a pack is imported, and alone (atomically)
 * when it is renamed, hidden or shown.
 */
export function formatManifest(manifest: PackManifest): string {
  return `${JSON.stringify({ format: FORMAT_VERSION, ...manifest }, null, 2)}\n`;
}

/**
 * Reads `manifest.json`.
 * @throws Error with a message fit for the pack's `problem` when it is not a manifest this app wrote.
 */
export function parseManifest(text: string): PackManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('its manifest is not valid JSON');
  }
  const m = data as Record<string, unknown> | null;
  const fail = (what: string): never => {
    throw new Error(`its manifest has ${what}`);
  };
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return fail('no fields');
  if (m.format !== FORMAT_VERSION) fail(`an unknown format (${String(m.format)})`);
  const source = m.source as Record<string, unknown> | null;
  if (typeof m.id !== 'string' || !PACK_ID_PATTERN.test(m.id)) fail('no valid id');
  if (typeof m.name !== 'string' || m.name.trim() === '') fail('no name');
  if (typeof source !== 'object' || source === null || typeof source.name !== 'string') fail('no source');
  if (!PACK_FORMATS.includes(source!.format as PackFormat)) fail('an unknown source format');
  if (!isCount(m.entryCount) || !isCount(m.skippedCount)) fail('no entry count');
  if (typeof m.importedAt !== 'string' || Number.isNaN(Date.parse(m.importedAt))) fail('no import date');
  if (typeof m.hidden !== 'boolean' || typeof m.builtIn !== 'boolean') fail('no hidden/built-in flags');
  if (typeof m.idPrefix !== 'string' || (m.idPrefix !== '' && !PACK_ID_PATTERN.test(m.idPrefix))) fail('no id prefix');
  if (typeof m.sourceHash !== 'string') fail('no source hash');
  return {
    id: m.id as string,
    name: m.name as string,
    source: { name: source!.name as string, format: source!.format as PackFormat },
    entryCount: m.entryCount as number,
    skippedCount: m.skippedCount as number,
    importedAt: m.importedAt as string,
    hidden: m.hidden as boolean,
    builtIn: m.builtIn as boolean,
    idPrefix: m.idPrefix as string,
    sourceHash: m.sourceHash as string,
  };
}

/**
 * Renders the entries file: one JSON object per line (NDJSON), in the order given (the library
 * writes title order, so start-up merges packs without sorting them), so start-up
 * reads one file per pack whatever its size, and a damaged line is found by its number.
 * `packId` is not stored: it is the folder's.
 */
export function formatEntries(entries: readonly GlossaryEntry[]): string {
  let out = '';
  for (const { packId: _packId, ...entry } of entries) out += `${JSON.stringify(entry)}\n`;
  return out;
}

/**
 * Reads the entries file of pack `packId`.
 * @throws Error naming the line of the first entry that is not one this app wrote.
 */
export function parseEntries(text: string, packId: string): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  let start = 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Error(`its entries file is damaged at line ${line}`);
    }
    if (!isStoredEntry(value)) throw new Error(`its entries file has an invalid entry at line ${line}`);
    // The parsed object itself, not a copy: 120,000 copies were a second of garbage at start-up.
    value.packId = packId;
    entries.push(value);
  }
  return entries;
}

function isStoredEntry(value: unknown): value is GlossaryEntry {
  const e = value as Record<string, unknown> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    ENTRY_ID_PATTERN.test(e.id) &&
    typeof e.title === 'string' &&
    e.title !== '' &&
    isStrings(e.aliases) &&
    typeof e.source === 'string' &&
    typeof e.editorialTitle === 'boolean' &&
    typeof e.definition === 'string' &&
    Array.isArray(e.sections) &&
    e.sections.every(
      (s: unknown) =>
        typeof (s as Record<string, unknown>)?.heading === 'string' &&
        typeof (s as Record<string, unknown>)?.text === 'string',
    ) &&
    (e.tags === undefined || isStrings(e.tags))
  );
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
