/** What every bench script shares: its command-line arguments and its printed table. */

/** The value after `--name` on the command line, if given. */
export function stringArgument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** The number after `--name` on the command line, if given. */
export function numberArgument(name: string): number | undefined {
  const value = stringArgument(name);
  return value === undefined ? undefined : Number(value);
}

/**
 * A plain-text table: the header, a rule, then one line per row, columns two spaces apart,
 * those `rightAligned` says padded on the left (numbers), trailing spaces trimmed.
 */
export function formatTable(header: string[], rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The p-th percentile (nearest rank) of `values`; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** One line of a bench's result table: a figure, its target if any, and whether it was met. */
export interface ResultRow {
  name: string;
  value: string;
  target?: string;
  ok?: boolean;
  detail?: string;
}

/** Result rows as a text table headed by `title` (the value column right-aligned). */
export function formatResultRows(title: string, rows: readonly ResultRow[]): string {
  const cells = rows.map((row) => [
    row.name,
    row.value,
    row.target ?? '',
    row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
    row.detail ?? '',
  ]);
  return formatTable([title, 'value', 'target', '', 'detail'], cells, (i) => i === 1);
}
