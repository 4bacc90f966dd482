/**
 * Imports a reference pack into the app's data folder:
 *
 *     npm run glossary:import -- <file or folder> [--name <pack>] [--state-dir <dir>] [--encoding <e>]
 *
 * See IMPORT_USAGE (`--help`) for every option and runImportCommand for what it does.
 * Exit codes: 0 imported, 1 the source cannot be imported (nothing written), 2 wrong usage.
 */
import { runImportCommand } from '../src/main/notebook/packs/importCommand';

const progress = process.stderr.isTTY
  ? (text: string) => process.stderr.write(`\r${text.padEnd(60)}${text === '' ? '\r' : ''}`)
  : undefined;

runImportCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  progress,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`glossary:import: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
