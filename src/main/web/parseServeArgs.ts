import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface ServeArgs {
  vault?: string;
  /** Folders the page may open as vaults besides those opened before (`--allow-vault`, repeatable). */
  allowVaults: string[];
  port: number;
  stateDir?: string;
  /** A folder of glossary entry files to serve instead of the shipped glossary. */
  glossary?: string;
  help: boolean;
}

const OPTIONS = {
  vault: { type: 'string' },
  'allow-vault': { type: 'string', multiple: true },
  port: { type: 'string' },
  'state-dir': { type: 'string' },
  glossary: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parses `npm run serve -- [--vault <dir>] [--allow-vault <dir>]… [--port <n>] [--state-dir <dir>]
 * [--glossary <dir>]`.
 * Both `--flag value` and `--flag=value` work; for a flag given twice the last wins, except
 * `--allow-vault`, which adds up.
 *
 * @throws Error with a message fit for the terminal on an unknown flag or argument, a
 *   missing value or a bad port.
 */
export function parseServeArgs(argv: string[]): ServeArgs {
  const result: ServeArgs = { port: 0, help: false, allowVaults: [] };
  // Not strict: the tokens are checked here, so each mistake gets a message of our own.
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option' || !Object.hasOwn(OPTIONS, token.name)) {
      throw new Error(`Unknown option "${argv[token.index]}". Try --help.`);
    }
    const name = token.name as keyof typeof OPTIONS;
    if (name === 'help') {
      result.help = true;
      continue;
    }
    const value = token.value;
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('--'))) {
      throw new Error(`${token.rawName} needs a value.`);
    }
    switch (name) {
      case 'vault':
        result.vault = value;
        break;
      case 'allow-vault':
        result.allowVaults.push(value);
        break;
      case 'state-dir':
        result.stateDir = value;
        break;
      case 'glossary':
        result.glossary = value;
        break;
      case 'port': {
        const port = Number(value);
        if (!/^\d+$/.test(value) || port > 65535) {
          throw new Error(`--port must be a number from 0 to 65535, not "${value}".`);
        }
        result.port = port;
        break;
      }
    }
  }
  return result;
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

Serves Study Notebook to a browser on 127.0.0.1 and prints the address to open.

Options:
  --vault <dir>       the notes folder (default: $STUDY_NOTEBOOK_VAULT, then the vault opened
                      last, then "Study Notebook" in your Documents folder)
  --allow-vault <dir> a folder the page may also switch to with "Open vault…" (repeatable);
                      otherwise it can only switch to vaults opened before
  --port <n>          the port to listen on (default: a free port)
  --state-dir <dir>   where app state, caches and reference packs live (default: the app's
                      config folder; \`npm run glossary:import\` imports packs there)
  --glossary <dir>    the source of the built-in pack instead of the shipped glossary's: a
                      folder of web-page texts or Markdown files, or a table (a test glossary)
  -h, --help          show this help`;
