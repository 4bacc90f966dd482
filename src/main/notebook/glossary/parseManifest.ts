import { GlossaryImportError } from './GlossaryImportError';

/** The file name the manifest must have, beside the sources. */
export const MANIFEST_FILE_NAME = 'manifest.json';

/** Editorial overrides for one source file. */
export interface SourceOverride {
  /** Replaces the title derived from the definition (required when none can be derived). */
  title?: string;
  /** Other names the entry is known by. */
  aliases?: string[];
}

/**
 * Reads `manifest.json`: `{ "entries": { "<source file name>": { "title"?: string, "aliases"?: string[] } } }`.
 *
 * Strict, because a typo here would otherwise be ignored silently and ship a wrong title:
 * unknown keys are errors. Strings are trimmed and inner runs of whitespace collapsed.
 *
 * @returns the overrides by source file name (whether those files exist is checked by the importer).
 * @throws GlossaryImportError naming `fileName` when the text is not JSON, a key is unknown, a
 *   title or alias is not a non-empty single-line string, or an entry lists the same alias twice.
 */
export function parseManifest(text: string, fileName = MANIFEST_FILE_NAME): Map<string, SourceOverride> {
  const fail: (problem: string) => never = (problem) => {
    throw new GlossaryImportError(fileName, problem);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`is not valid JSON (${(error as Error).message})`);
  }
  if (!isPlainObject(data)) fail('must be a JSON object like { "entries": { … } }');
  const unknownKey = Object.keys(data).find((key) => key !== 'entries');
  if (unknownKey !== undefined) fail(`unknown key "${unknownKey}" (only "entries" is allowed)`);
  const entries = data.entries ?? {};
  if (!isPlainObject(entries)) fail('"entries" must be an object keyed by source file name');

  const overrides = new Map<string, SourceOverride>();
  for (const [source, value] of Object.entries(entries)) {
    const where = `"entries" › "${source}"`;
    if (!isPlainObject(value)) fail(`${where} must be an object with "title" and/or "aliases"`);
    const unknown = Object.keys(value).find((key) => key !== 'title' && key !== 'aliases');
    if (unknown !== undefined) fail(`${where} has an unknown key "${unknown}" (allowed: "title", "aliases")`);

    const override: SourceOverride = {};
    if (value.title !== undefined) {
      const title = cleanName(value.title);
      if (title === undefined) fail(`${where} › "title" must be a non-empty single-line string`);
      override.title = title;
    }
    if (value.aliases !== undefined) {
      if (!Array.isArray(value.aliases)) fail(`${where} › "aliases" must be a list of strings`);
      const aliases: string[] = [];
      const seen = new Set<string>();
      for (const raw of value.aliases as unknown[]) {
        const alias = cleanName(raw);
        if (alias === undefined) fail(`${where} › "aliases" must contain only non-empty single-line strings`);
        if (seen.has(alias.toLowerCase())) fail(`${where} › "aliases" lists "${alias}" twice`);
        seen.add(alias.toLowerCase());
        aliases.push(alias);
      }
      override.aliases = aliases;
    }
    overrides.set(source, override);
  }
  return overrides;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cleanName(value: unknown): string | undefined {
  if (typeof value !== 'string' || /[\r\n]/.test(value)) return undefined;
  const name = value.trim().replace(/\s+/g, ' ');
  return name === '' ? undefined : name;
}
