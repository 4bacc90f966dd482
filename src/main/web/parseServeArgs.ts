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

/**
 * Parses `npm run serve -- [--vault <dir>] [--allow-vault <dir>]… [--port <n>] [--state-dir <dir>]
 * [--glossary <dir>]`.
 * Both `--flag value` and `--flag=value` work.
 *
 * @throws Error with a message fit for the terminal on an unknown flag or bad value.
 */
export function parseServeArgs(argv: string[]): ServeArgs {
  const result: ServeArgs = { port: 0, help: false, allowVaults: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--vault':
        result.vault = value();
        break;
      case '--allow-vault':
        result.allowVaults.push(value());
        break;
      case '--state-dir':
        result.stateDir = value();
        break;
      case '--glossary':
        result.glossary = value();
        break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535)
          throw new Error(`--port must be a number from 0 to 65535, not "${raw}".`);
        result.port = port;
        break;
      }
      case '--help':
      case '-h':
        result.help = true;
        break;
      default:
        throw new Error(`Unknown option "${arg}". Try --help.`);
    }
  }
  return result;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

Serves Study Notebook to a browser on 127.0.0.1 and prints the address to open.

Options:
  --vault <dir>       the notes folder (default: $STUDY_NOTEBOOK_VAULT, then the vault opened
                      last, then "Study Notebook" in your Documents folder)
  --allow-vault <dir> a folder the page may also switch to with "Open vault…" (repeatable);
                      otherwise it can only switch to vaults opened before
  --port <n>          the port to listen on (default: a free port)
  --state-dir <dir>   where app state and caches live (default: the app's config folder)
  --glossary <dir>    serve the entries in this folder instead of the shipped glossary: a
                      reference pack made with \`npm run glossary:import\`, or a test glossary
  -h, --help          show this help`;
