import { nameKeysProblem, sampleMismatch, type NameKeys } from '../titles/NameKeys';

/**
 * A pack's name keys, `<state dir>/packs/<id>/names.json`: its entries' titles and aliases
 * folded and sorted for the quick switcher's and the `[[` menu's name index (see NameKeys),
 * made once (at the first start after an import) so later starts neither fold nor sort
 * 120,000 names. Owners are entry positions in the entries file (its title order).
 *
 * Never trusted: it must describe the entries file's size and entry count, be sorted with
 * owners in range (one pass), and a sample of entries folded again must find their keys in
 * it (a change of folding in an app update, or other entries, makes it be made again).
 */
export const NAME_KEYS_FILE = 'names.json';
const NAME_KEYS_FORMAT = 2;

/** Owners and flags as base64 of their bytes (little-endian): read back without a number per key. */
export function formatNameKeys(keys: NameKeys, entriesSize: number): string {
  const owners = new Int32Array(keys.owners.length);
  const view = new DataView(owners.buffer);
  for (let at = 0; at < keys.owners.length; at++) view.setInt32(at * 4, keys.owners[at]!, true);
  return JSON.stringify({
    format: NAME_KEYS_FORMAT,
    entriesSize,
    count: keys.count,
    keys: keys.keys,
    owners: Buffer.from(owners.buffer).toString('base64'),
    flags: Buffer.from(keys.flags.buffer, keys.flags.byteOffset, keys.flags.byteLength).toString('base64'),
  });
}

/**
 * Reads a pack's name keys and checks them against its entries (see the file's comment).
 * @throws Error saying why they cannot be used.
 */
export function parseNameKeys(
  text: string,
  expected: { entriesSize: number; count: number; namesAt: (at: number) => readonly string[] },
): NameKeys {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('its name keys are not valid JSON');
  }
  const fail = (what: string): never => {
    throw new Error(`its name keys ${what}`);
  };
  const d = data as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return fail('have no fields');
  if (d.format !== NAME_KEYS_FORMAT) fail(`have an unknown format (${String(d.format)})`);
  if (d.entriesSize !== expected.entriesSize) fail('describe another version of the entries file');
  if (!Array.isArray(d.keys) || typeof d.owners !== 'string' || typeof d.flags !== 'string') {
    return fail('miss a list');
  }
  const ownerBytes = Buffer.from(d.owners, 'base64');
  if (ownerBytes.length % 4 !== 0) fail('have a cut list of owners');
  const owners = new Int32Array(ownerBytes.length / 4);
  const view = new DataView(ownerBytes.buffer, ownerBytes.byteOffset, ownerBytes.byteLength);
  for (let at = 0; at < owners.length; at++) owners[at] = view.getInt32(at * 4, true);
  const keys: NameKeys = {
    count: d.count as number,
    keys: d.keys as string[],
    owners,
    flags: new Uint8Array(Buffer.from(d.flags, 'base64')),
  };
  const problem = nameKeysProblem(keys, expected.count);
  if (problem) fail(problem);
  const doc = sampleMismatch(keys, expected.namesAt);
  if (doc >= 0) fail(`do not hold the names of entry ${doc}`);
  return keys;
}
