import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultStateDir, userDocumentsDir } from '../notebook/defaultLocations';
import { openNotebook } from '../notebook/openNotebook';
import { absoluteFromShell, resolveVaultPath } from '../notebook/settings/resolveVaultPath';
import { readSettings } from '../notebook/settings/SettingsStore';
import { parseServeArgs, SERVE_USAGE } from './parseServeArgs';
import { startHttpHost } from './startHttpHost';

// Built to out/main/serve.js: the UI and the glossary sit at fixed places beside it.
const appRoot = resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`serve: ${(error as Error).message}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${SERVE_USAGE}\n`);
    return;
  }
  const version = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
  const stateDir = resolve(args.stateDir ?? defaultStateDir());
  const { path: vaultPath } = resolveVaultPath({
    flag: args.vault,
    env: process.env,
    remembered: readSettings(stateDir).lastVault,
    documentsDir: userDocumentsDir(),
    cwd: process.cwd(),
    isFolder: (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false,
  });
  // The host listens while the notebook opens (a large reference pack takes a moment): the
  // page loads meanwhile and its first calls wait for the notebook (issue #15: start-up).
  const opening = openNotebook({
    vaultPath,
    glossaryDir: args.glossary ? resolve(args.glossary) : join(appRoot, 'resources', 'glossary', 'sources'),
    stateDir,
    host: 'web',
    appVersion: version,
    allowedVaults: args.allowVaults.map((path) => absoluteFromShell(path, { env: process.env, cwd: process.cwd() })),
  });
  const host = await startHttpHost({
    service: opening,
    rendererDir: join(appRoot, 'out', 'renderer'),
    port: args.port,
    onInternalError: (method, error) => console.error(`[serve] ${method} failed:`, error),
  });
  // A notebook that cannot open (a vault that cannot be created or read) stops the server
  // with the reason, as before it listened first; the page then says the server is gone.
  opening.catch(async (error: unknown) => {
    process.stderr.write(`serve: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    await host.close();
    process.exit(1);
  });

  process.stdout.write(`Study Notebook is serving the vault ${vaultPath}\nOpen this address in your browser:\n`);
  // The URL stands on a line of its own so scripts (and the e2e fixture) can pick it up.
  process.stdout.write(`${host.url}\n`);
  if (process.stdin.isTTY) {
    process.stdout.write(
      'It opens the app once. Press Enter for a new address (another browser, or after closing it).\n',
    );
    process.stdin.on('data', () => process.stdout.write(`${host.newLaunchUrl()}\n`));
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await host.close();
    await (await opening.catch(() => null))?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`serve: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
