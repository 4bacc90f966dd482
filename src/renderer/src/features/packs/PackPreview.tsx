import { PACK_FORMAT_NAMES, type ColumnRole, type ImportPreview, type ImportProblem } from '@shared/domain/packs';
import { useId } from 'react';
import { Disclosure } from './Disclosure';
import { formatCount } from '../../ui/formatCount';

const ROLE_LABELS: Record<ColumnRole, string> = {
  term: 'term',
  definition: 'definition',
  aliases: 'aliases',
  tags: 'tags',
  section: 'section',
  ignored: 'skipped',
};

const SEPARATOR_NAMES: Record<string, string> = {
  '\t': 'tab',
  ',': 'comma',
  ';': 'semicolon',
  '|': 'pipe',
  ' ': 'space',
};

/**
 * What an import would make of a source, before anything is written: how it was read
 * (format, encoding, separator, what each column is used for), its first entries, and the
 * rows that would be left out with their line and reason. Everything is text.
 */
export function PackPreview({ preview }: { preview: ImportPreview }) {
  const headingId = useId();
  const how = [
    PACK_FORMAT_NAMES[preview.format],
    `${encodingName(preview.encoding)}${preview.encodingDetected ? ' (detected)' : ''}`,
    preview.separator !== undefined
      ? `${SEPARATOR_NAMES[preview.separator] ?? `“${preview.separator}”`}-separated`
      : '',
  ].filter(Boolean);
  return (
    <section className="pack-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>Preview</h3>
      <p className="pack-detected">{how.join(' · ')}</p>
      <p className="pack-counts">
        <strong>{formatCount(preview.entryCount, 'entry', 'entries')}</strong>
        {preview.problemCount > 0 && <> · {formatCount(preview.problemCount, 'row', 'rows')} will be left out</>}
      </p>
      {preview.columns.length > 0 && (
        <ul className="pack-columns" aria-label="Columns">
          {preview.columns.map((column, index) => (
            <li key={index} data-role={column.role}>
              <span className="pack-column-name">{column.name}</span>
              <span className="visually-hidden">: </span>
              <span className="pack-column-role">{ROLE_LABELS[column.role]}</span>
            </li>
          ))}
        </ul>
      )}
      {preview.entries.length > 0 && (
        <div className="pack-table-scroll">
          <table className="pack-table">
            <caption className="visually-hidden">
              The first {formatCount(preview.entries.length, 'entry', 'entries')}
            </caption>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Definition</th>
              </tr>
            </thead>
            <tbody>
              {preview.entries.map((entry, index) => (
                <tr key={index}>
                  <th scope="row">
                    {entry.title}
                    {entry.aliases.length > 0 && <span className="pack-aliases">{entry.aliases.join(', ')}</span>}
                  </th>
                  <td>
                    <span className="pack-definition">{entry.definition}</span>
                    {entry.sections.length > 0 && <span className="pack-sections">+ {entry.sections.join(', ')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.problemCount > 0 && (
        <Disclosure
          className="pack-problems"
          defaultOpen
          label={
            <>
              {formatCount(preview.problemCount, 'row', 'rows')} left out
              {preview.problemCount > preview.problems.length && ` (the first ${preview.problems.length} shown)`}
            </>
          }
        >
          <ul>
            {preview.problems.map((problem, index) => (
              <li key={index}>
                <span className="pack-problem-where">{whereOf(problem)}</span> {problem.reason}
              </li>
            ))}
          </ul>
        </Disclosure>
      )}
    </section>
  );
}

function whereOf(problem: ImportProblem): string {
  const parts = [problem.file, problem.line !== undefined ? `line ${problem.line}` : ''].filter(Boolean);
  const where = parts.join(', ');
  return where ? `${where.charAt(0).toUpperCase()}${where.slice(1)}:` : '';
}

function encodingName(encoding: string): string {
  return encoding
    .replace(/^utf-/, 'UTF-')
    .replace(/^windows-/, 'Windows-')
    .replace(/le$/, ' LE')
    .replace(/be$/, ' BE');
}
