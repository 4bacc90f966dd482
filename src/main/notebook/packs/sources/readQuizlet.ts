import type { ImportProblem } from '@shared/domain/packs';
import type { DraftEntry, ParsedSource } from '../DraftEntry';
import type { DecodedText } from './decodeSource';
import { lineIndex } from './lineIndex';
import { separatorName } from './separators';

export interface QuizletOptions {
  fileName: string;
  /** Between term and definition; default a tab (Quizlet's default). */
  separator?: string;
  /** Between rows; default a newline (Quizlet's default). */
  rowSeparator?: string;
}

/**
 * Reads a Quizlet export: rows of "term<separator>definition", with the separators chosen
 * in Quizlet's export dialog (tab, comma or custom between term and definition; new line,
 * semicolon or custom between rows). Quizlet quotes nothing, so a row is split at the
 * first separator only: a definition may contain the separator (commas, say), and with a
 * custom row separator it may span several lines.
 *
 * A row without the separator is listed as a problem with its line.
 */
export function readQuizlet(decoded: DecodedText, options: QuizletOptions): ParsedSource {
  const separator = options.separator ?? '\t';
  const rowSeparator = options.rowSeparator ?? '\n';
  const { text } = decoded;
  const lineOf = lineIndex(text);
  const entries: DraftEntry[] = [];
  const problems: ImportProblem[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf(rowSeparator, start);
    if (end === -1) end = text.length;
    const row = text.slice(start, end);
    const rowStart = start + (row.length - row.trimStart().length);
    start = end + rowSeparator.length;
    if (row.trim() === '') continue;
    const line = lineOf(rowStart);
    const split = row.indexOf(separator);
    if (split === -1) {
      problems.push({ line, reason: `no ${separatorName(separator)} between term and definition` });
      continue;
    }
    entries.push({
      title: row.slice(0, split),
      definition: row.slice(split + separator.length),
      aliases: [],
      sections: [],
      tags: [],
      source: `${options.fileName}, line ${line}`,
      editorialTitle: false,
      at: { line },
    });
  }
  return {
    format: 'quizlet',
    encoding: decoded.encoding,
    encodingDetected: decoded.detected,
    separator,
    columns: [
      { name: 'Term', role: 'term' },
      { name: 'Definition', role: 'definition' },
    ],
    entries,
    problems,
    suggestedName: options.fileName.replace(/\.[^.]+$/, ''),
  };
}
