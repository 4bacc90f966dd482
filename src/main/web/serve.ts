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
  const service = await openNotebook({
    vaultPath,
    glossaryDir: args.glossary ? resolve(args.glossary) : join(appRoot, 'resources', 'glossary', 'sources'),
    stateDir,
    host: 'web',
    appVersion: version,
    allowedVaults: args.allowVaults.map((path) => absoluteFromShell(path, { env: process.env, cwd: process.cwd() })),
  });
  const host = await startHttpHost({
    service,
    rendererDir: join(appRoot, 'out', 'renderer'),
    port: args.port,
    onInternalError: (method, error) => console.error(`[serve] ${method} failed:`, error),
  });

  const vault = (await service.getAppInfo()).vaultPath;
  process.stdout.write(`Study Notebook is serving the vault ${vault}\nOpen this address in your browser:\n`);
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
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`serve: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
