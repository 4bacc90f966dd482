import Papa from 'papaparse';
import type { ColumnRole, ImportProblem } from '@shared/domain/packs';
import type { DraftEntry, ParsedSource } from '../DraftEntry';
import { PackImportError } from '../PackImportError';
import type { DecodedText } from './decodeSource';
import { htmlToText, looksLikeHtml } from './htmlToText';
import { lineIndex } from './lineIndex';
import { parseSeparator, separatorName } from './separators';

export interface TableOptions {
  fileName: string;
  format: 'csv' | 'tsv' | 'anki';
  /** The field separator; default: tab for TSV, Anki's `#separator:` header, else detected. */
  separator?: string;
  /** Rows read so far (rows are read in slices, giving other work a turn between them). */
  onProgress?: (done: number, total: number) => void;
}

/** Header names, lowercased without punctuation, that say what a column holds. */
const ROLE_NAMES: Array<[ColumnRole, string[]]> = [
  [
    'term',
    [
      'term',
      'word',
      'title',
      'front',
      'question',
      'headword',
      'name',
      'entry',
      'concept',
      'lemma',
      'vocabulary',
      'expression',
      'phrase',
    ],
  ],
  [
    'definition',
    ['definition', 'meaning', 'back', 'answer', 'description', 'explanation', 'gloss', 'def', 'translation'],
  ],
  ['aliases', ['aliases', 'alias', 'synonyms', 'synonym', 'also known as', 'aka', 'other names', 'variants']],
  ['tags', ['tags', 'tag', 'labels', 'categories', 'category']],
];
const CANDIDATE_SEPARATORS = ['\t', ',', ';', '|'];
const SLICE_ROWS = 2000;

interface Row {
  fields: string[];
  line: number;
}

/**
 * Reads a table of terms: CSV (comma, semicolon or pipe separated), TSV, or Anki's text
 * export, with papaparse: quoted fields may hold separators, quotes (doubled) and line
 * breaks.
 *
 * Columns: a first row naming its columns (term/word/front…, definition/meaning/back…,
 * aliases/synonyms, tags, anything else) is a header: named columns are used by name, other
 * named columns become sections of the entry under their header. Without a header, the
 * first column is the term, the second the definition, further ones sections "Column 3"….
 * Aliases are separated by `;` or `|`, tags by spaces or commas.
 *
 * Anki: the `#separator:`, `#html:`, `#columns:`, `#tags:` and `#… column:` headers are
 * honoured (the guid, note type and deck columns are skipped, the tags column read as
 * tags); the first remaining field is the term, the second the definition, the others
 * sections named after `#columns:`. Fields are HTML when `#html:true` (or, without the
 * header, when they look like it) and are reduced to text (see htmlToText); cloze marks
 * `{{c1::…}}` keep their answer, `[sound:…]` references are dropped.
 *
 * Rows that cannot be used are listed with their line and the reason (a misplaced quote,
 * more fields than the header names, a single field); the rest are kept.
 *
 * @throws PackImportError when a quote opened on some line is never closed: everything
 *   after it would be one field, so nothing after it can be trusted.
 */
export async function readTable(decoded: DecodedText, options: TableOptions): Promise<ParsedSource> {
  const { fileName } = options;
  const anki = options.format === 'anki' ? readAnkiHeaders(decoded.text) : null;
  const body = anki ? decoded.text.slice(anki.bodyOffset) : decoded.text;
  const lineOf = lineIndex(decoded.text);
  const bodyOffset = anki?.bodyOffset ?? 0;
  const separator = options.separator ?? anki?.separator ?? (options.format === 'tsv' ? '\t' : guessSeparator(body));

  const problems: ImportProblem[] = [];
  const rows = await parseRows(body, separator, (offset) => lineOf(bodyOffset + offset), problems, fileName, options);

  let columns: Array<{ name: string; role: ColumnRole }>;
  let dataRows = rows;
  if (anki) {
    columns = ankiColumns(anki, rows);
  } else {
    const header = rows[0] ? headerColumns(rows[0].fields) : null;
    if (header) {
      columns = header;
      dataRows = rows.slice(1);
    } else {
      const width = Math.max(2, ...rows.slice(0, 100).map((row) => row.fields.length));
      columns = Array.from({ length: width }, (_, i) => ({
        name: i === 0 ? 'Term' : i === 1 ? 'Definition' : `Column ${i + 1}`,
        role: i === 0 ? 'term' : i === 1 ? 'definition' : 'section',
      }));
    }
  }

  const html = anki?.html;
  const clean = (value: string): string => {
    if (!anki) return value;
    let text = value.replace(/\[sound:[^\]]*\]/g, '');
    text = text.replace(/\{\{c\d+::(.*?)(?:::[^}]*)?\}\}/gs, '$1');
    return html === true || (html === undefined && looksLikeHtml(text)) ? htmlToText(text) : text;
  };
  const hasHeader = dataRows !== rows;
  const entries: DraftEntry[] = [];
  for (const row of dataRows) {
    const { fields, line } = row;
    if (hasHeader && fields.length > columns.length && fields.slice(columns.length).some((f) => f.trim() !== '')) {
      problems.push({
        line,
        reason: `${fields.length} fields where the header names ${columns.length}: a ${separatorName(separator)} inside a field that is not quoted?`,
      });
      continue;
    }
    const definitionIndex = columns.findIndex((c) => c.role === 'definition');
    if (fields.length <= definitionIndex && fields.join('').trim() !== '') {
      problems.push({
        line,
        reason: `a single field: no ${separatorName(separator)} separates the term from its definition`,
      });
      continue;
    }
    const draft: DraftEntry = {
      title: '',
      aliases: [],
      definition: '',
      sections: [],
      tags: [...(anki?.tags ?? [])],
      source: `${fileName}, line ${line}`,
      editorialTitle: false,
      at: { line },
    };
    columns.forEach((column, i) => {
      const value = fields[i] ?? '';
      switch (column.role) {
        case 'term':
          draft.title = clean(value);
          break;
        case 'definition':
          draft.definition = clean(value);
          break;
        case 'aliases':
          draft.aliases.push(...clean(value).split(/[;|]/));
          break;
        case 'tags':
          draft.tags.push(...value.split(/[\s,;]+/));
          break;
        case 'section':
          draft.sections.push({ heading: column.name, text: clean(value) });
          break;
        case 'ignored':
          break;
      }
    });
    entries.push(draft);
  }

  return {
    format: options.format,
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
    separator,
    columns,
    entries,
    problems,
    suggestedName: fileName.replace(/\.[^.]+$/, ''),
  };
}

/** Parses every row, a slice at a time, recording the line each starts on. */
function parseRows(
  body: string,
  separator: string,
  lineOf: (offset: number) => number,
  problems: ImportProblem[],
  fileName: string,
  options: TableOptions,
): Promise<Row[]> {
  const rows: Row[] = [];
  let previousEnd = 0;
  let seen = 0;
  let failed = false;
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(body, {
      delimiter: separator,
      newline: '\n',
      quoteChar: '"',
      skipEmptyLines: 'greedy',
      step(result, parser) {
        const start = firstNonBlank(body, previousEnd);
        previousEnd = result.meta.cursor;
        const line = lineOf(start);
        if (result.errors.some((error) => error.code === 'MissingQuotes')) {
          // Before abort(), which calls complete() at once.
          failed = true;
          reject(
            new PackImportError(
              `${fileName}, line ${line}: a quoted field opened here is never closed, so nothing after it can be read. Close the quote (a quote inside a quoted field is written twice: "").`,
            ),
          );
          parser.abort();
          return;
        }
        if (result.errors.length > 0) {
          problems.push({
            line,
            reason:
              'a misplaced quote: a field that starts with a quote must end with one (a quote inside it is written twice: "")',
          });
        } else {
          rows.push({ fields: result.data, line });
        }
        if (++seen % SLICE_ROWS === 0) {
          options.onProgress?.(previousEnd, body.length);
          parser.pause();
          setImmediate(() => parser.resume());
        }
      },
      complete() {
        if (failed) return;
        options.onProgress?.(body.length, body.length);
        resolve(rows);
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}

function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/**
 * The separator that splits the first rows most consistently into two fields or more
 * (papaparse reads them, so quoted separators do not count); tab wins ties, then comma,
 * semicolon and pipe.
 */
export function guessSeparator(text: string): string {
  let best = { separator: ',', score: 0 };
  for (const separator of CANDIDATE_SEPARATORS) {
    const { data } = Papa.parse<string[]>(text.slice(0, 64 * 1024), {
      delimiter: separator,
      newline: '\n',
      preview: 50,
      skipEmptyLines: 'greedy',
    });
    const counts = new Map<number, number>();
    for (const row of data) if (row.length >= 2) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    const modal = Math.max(0, ...counts.values());
    const score = data.length === 0 ? 0 : modal / data.length;
    if (score > best.score) best = { separator, score };
  }
  return best.separator;
}

function normalizeHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function headerColumns(cells: string[]): Array<{ name: string; role: ColumnRole }> | null {
  const roles = cells.map((cell) => {
    const name = normalizeHeader(cell);
    return ROLE_NAMES.find(([, names]) => names.includes(name))?.[0];
  });
  if (!roles.includes('term') && !roles.includes('definition')) return null;
  if (cells.some((cell) => cell.length > 60)) return null;
  const used = new Set<ColumnRole>();
  const columns = cells.map((cell, i) => {
    let role: ColumnRole = roles[i] ?? (cell.trim() === '' ? 'ignored' : 'section');
    if (role !== 'section' && role !== 'ignored' && used.has(role)) role = 'section';
    used.add(role);
    return { name: cell.trim() || `Column ${i + 1}`, role };
  });
  // A header naming only the definition: the first unnamed column is the term, and so on.
  for (const needed of ['term', 'definition'] as const) {
    if (used.has(needed)) continue;
    const free = columns.find((column) => column.role === 'section' || column.role === 'ignored');
    if (!free) return null;
    free.role = needed;
    used.add(needed);
  }
  return columns;
}

interface AnkiHeaders {
  bodyOffset: number;
  separator?: string;
  html?: boolean;
  columnNames: string[];
  /** 1-based columns to skip or read as tags. */
  special: Map<number, 'guid' | 'notetype' | 'deck' | 'tags'>;
  /** `#tags:`: tags for every note. */
  tags: string[];
}

/** Reads the `#key:value` lines Anki puts at the top of a text export. */
function readAnkiHeaders(text: string): AnkiHeaders {
  const headers: AnkiHeaders = { bodyOffset: 0, columnNames: [], special: new Map(), tags: [] };
  let columnsLine: string | undefined;
  while (headers.bodyOffset < text.length) {
    const end = text.indexOf('\n', headers.bodyOffset);
    const line = text.slice(headers.bodyOffset, end === -1 ? text.length : end);
    const match = /^#([a-z ]+):(.*)$/i.exec(line);
    if (!match) break;
    headers.bodyOffset = end === -1 ? text.length : end + 1;
    const key = match[1]!.trim().toLowerCase();
    const value = match[2]!;
    if (key === 'separator') headers.separator = parseSeparator(value, 'Anki #separator');
    else if (key === 'html') headers.html = value.trim().toLowerCase() === 'true';
    else if (key === 'columns') columnsLine = value;
    else if (key === 'tags') headers.tags = value.split(/\s+/).filter(Boolean);
    else {
      const column = /^(guid|notetype|deck|tags) column$/.exec(key);
      const index = Number.parseInt(value, 10);
      if (column && index >= 1) headers.special.set(index, column[1] as 'guid' | 'notetype' | 'deck' | 'tags');
    }
  }
  if (columnsLine !== undefined)
    headers.columnNames = columnsLine.split(headers.separator ?? '\t').map((n) => n.trim());
  return headers;
}

function ankiColumns(anki: AnkiHeaders, rows: Row[]): Array<{ name: string; role: ColumnRole }> {
  const width = Math.max(2, anki.columnNames.length, ...rows.slice(0, 100).map((row) => row.fields.length));
  let fieldCount = 0;
  return Array.from({ length: width }, (_, i) => {
    const special = anki.special.get(i + 1);
    const given = anki.columnNames[i];
    if (special) return { name: given || special, role: special === 'tags' ? 'tags' : 'ignored' };
    fieldCount++;
    const role: ColumnRole = fieldCount === 1 ? 'term' : fieldCount === 2 ? 'definition' : 'section';
    return { name: given || (fieldCount === 1 ? 'Front' : fieldCount === 2 ? 'Back' : `Field ${fieldCount}`), role };
  });
}
