import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PACK_FORMATS, type ImportOptions, type ImportProblem, type PackFormat } from '@shared/domain/packs';
import { defaultStateDir } from '../defaultLocations';
import { PackImportError } from './PackImportError';
import { describeProblem, PackLibrary } from './PackLibrary';
import { readPackSource } from './readPackSource';
import { separatorName } from './sources/separators';

export const IMPORT_USAGE = `usage: npm run glossary:import -- <file or folder> [options]

Imports a reference pack into the app's data folder (the one \`npm run serve\` and the
desktop app use), all or nothing. Formats: CSV, TSV, Quizlet and Anki text exports, a
folder of Markdown files, a folder of web-page texts (the shipped glossary's format).

Options:
  --name <name>            the pack's name (default: the file or folder name)
  --replace <pack>         re-import into this pack (its id or name): entries keep their
                           ids where their term is unchanged, so links survive
  --state-dir <dir>        the app's data folder (default: ${defaultStateDir()})
  --encoding <label>       the text encoding, e.g. utf-8, utf-16le, windows-1252
                           (default: detected)
  --format <format>        ${PACK_FORMATS.join(', ')} (default: detected)
  --separator <sep>        between fields, or between term and definition (Quizlet):
                           tab, comma, semicolon, pipe or a character
  --row-separator <sep>    between rows (Quizlet only; default: a new line)
  --strict                 fail if any row has to be left out
  --list                   list the packs in the data folder and exit
  -h, --help               show this help

Exit codes: 0 imported, 1 the source cannot be imported (nothing was written), 2 wrong usage.`;

/** Where the command writes: the script passes the process's streams, tests collect lines. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current progress line (a terminal), or is absent (a pipe: milestones only). */
  progress?(text: string): void;
}

const MAX_LISTED_PROBLEMS = 50;

/**
 * `npm run glossary:import`: reads a source (see readPackSource), prints its progress and
 * a summary (entries, and the rows left out with their line numbers and reasons), and
 * stores it as a pack (see PackLibrary.importPack), which is never left half-written.
 *
 * @returns the exit code: 0 imported, 1 the source could not be imported, 2 wrong usage.
 */
export async function runImportCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        replace: { type: 'string' },
        'state-dir': { type: 'string' },
        encoding: { type: 'string' },
        format: { type: 'string' },
        separator: { type: 'string' },
        'row-separator': { type: 'string' },
        strict: { type: 'boolean' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`glossary:import: ${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const stateDir = resolve(values['state-dir'] ?? defaultStateDir());
  if (values.list) {
    const library = await PackLibrary.open({ dir: join(stateDir, 'packs') });
    for (const pack of library.list()) {
      const flags = [
        pack.builtIn ? 'shipped' : '',
        pack.hidden ? 'hidden' : '',
        pack.problem ? `damaged: ${pack.problem}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      io.out(`${pack.id}\t${pack.name}\t${pack.entryCount} entries\t${pack.source.name}${flags ? `\t(${flags})` : ''}`);
    }
    return 0;
  }
  if (positionals.length !== 1) {
    io.err(`glossary:import: expected one file or folder, got ${positionals.length}\n${IMPORT_USAGE}`);
    return 2;
  }
  const format = values.format;
  if (format !== undefined && !(PACK_FORMATS as readonly string[]).includes(format)) {
    io.err(`glossary:import: --format must be one of ${PACK_FORMATS.join(', ')} (got "${format}")`);
    return 2;
  }
  const options: ImportOptions = {
    ...(format ? { format: format as PackFormat } : {}),
    ...(values.encoding ? { encoding: values.encoding } : {}),
    ...(values.separator !== undefined ? { separator: values.separator } : {}),
    ...(values['row-separator'] !== undefined ? { rowSeparator: values['row-separator'] } : {}),
  };
  const sourcePath = resolve(positionals[0]!);
  const progress = progressPrinter(io);

  try {
    const library = await PackLibrary.open({ dir: join(stateDir, 'packs') });
    let replace: string | undefined;
    if (values.replace !== undefined) {
      const wanted = values.replace.toLowerCase();
      const matches = library.list().filter((p) => p.id === values.replace || p.name.toLowerCase() === wanted);
      if (matches.length !== 1) {
        io.err(
          `glossary:import: ${matches.length === 0 ? 'no pack is' : 'several packs are'} called “${values.replace}” in ${stateDir} (see --list)`,
        );
        return 1;
      }
      replace = matches[0]!.id;
    }
    const source = await readPackSource(sourcePath, options, (phase, done, total) =>
      progress(
        phase === 'reading' ? `reading ${done} of ${total} ${total === 1 ? 'file' : 'files'}` : `parsing`,
        done,
        total,
      ),
    );
    const { parsed: read } = source;
    const how = [
      read.format,
      `${read.encoding}${read.encodingDetected ? ' (detected)' : ''}`,
      read.separator !== undefined ? `${separatorName(read.separator)}-separated` : '',
      read.columns.length > 0 ? `columns: ${read.columns.map((c) => `${c.name} → ${c.role}`).join(', ')}` : '',
    ].filter(Boolean);
    progress.done();
    io.out(`glossary:import: read ${source.name}: ${how.join('; ')}`);
    const result = await library.importPack(read, {
      name: values.name,
      replace,
      sourceHash: source.hash,
      sourceName: source.name,
      strict: values.strict,
      onProgress: (_phase, done, total) => progress('writing', done, total),
    });
    progress.done();
    const { pack } = result;
    io.out(
      `glossary:import: ${replace ? 're-imported' : 'imported'} “${pack.name}” (${pack.id}): ${count(pack.entryCount, 'entry', 'entries')}` +
        (replace ? `, ${count(result.keptIds, 'id', 'ids')} kept` : '') +
        `, ${count(result.problemCount, 'row', 'rows')} skipped, into ${join(stateDir, 'packs', pack.id)}`,
    );
    printProblems(io.out, result.problems, result.problemCount);
    io.out('glossary:import: the app shows it from its next start (or at once, when imported from the app).');
    return 0;
  } catch (error) {
    progress.done();
    if (!(error instanceof PackImportError)) {
      io.err(`glossary:import: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    io.err(`glossary:import: ${error.message}`);
    printProblems(io.err, error.problems, error.problems.length);
    io.err('glossary:import: nothing was written.');
    return 1;
  }
}

function printProblems(print: (line: string) => void, problems: readonly ImportProblem[], total: number): void {
  if (total === 0) return;
  print(`skipped ${count(total, 'row', 'rows')}:`);
  for (const problem of problems.slice(0, MAX_LISTED_PROBLEMS)) print(`  ${describeProblem(problem)}`);
  if (total > MAX_LISTED_PROBLEMS) print(`  … and ${total - MAX_LISTED_PROBLEMS} more`);
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * Progress on a terminal: one line rewritten in place. In a pipe (scripts, CI logs): a line
 * at each tenth of the way, so a log shows the import moving without thousands of lines.
 */
function progressPrinter(io: CommandIo) {
  let lastTenth = -1;
  let lastLabel = '';
  const print = (label: string, done: number, total: number) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    if (io.progress) {
      io.progress(`${label} ${percent}%`);
      return;
    }
    const tenth = Math.floor(percent / 10);
    if (label === lastLabel && tenth === lastTenth) return;
    lastLabel = label;
    lastTenth = tenth;
    io.err(`glossary:import: ${label} ${percent}%`);
  };
  return Object.assign(print, {
    done() {
      io.progress?.('');
      lastLabel = '';
    },
  });
}
