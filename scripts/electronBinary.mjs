// Checks that the Electron binary `npm start`/`npm run dev` need is present, fetches it
// with Electron's own installer when it is not, and otherwise explains in a few lines
// what is missing and what to do, instead of electron-vite's bare "Electron uninstall"
// or a download stack trace. The CLI is scripts/ensureElectron.mjs.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The folder of the installed `electron` package, resolved from `fromDir`, or null
 * when the package is not installed.
 *
 * @param {string} fromDir
 * @returns {string | null}
 */
export function findElectronPackage(fromDir) {
  try {
    return dirname(createRequire(join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * Whether the Electron binary is usable, the way electron-vite looks for it:
 * `$ELECTRON_EXEC_PATH` if set, else `dist/<path.txt>` inside the package, whose
 * `dist/version` must match the package version (an older binary left by a previous
 * install would otherwise run silently).
 *
 * @param {string} electronDir the `electron` package folder
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ ok: true, path: string, version: string } | { ok: false, version: string, problem: string }}
 */
export function checkElectronBinary(electronDir, env = process.env) {
  const version = readVersion(electronDir);
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? { ok: true, path: env.ELECTRON_EXEC_PATH, version }
      : { ok: false, version, problem: `ELECTRON_EXEC_PATH points to a missing file: ${env.ELECTRON_EXEC_PATH}` };
  }
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, version, problem: 'it was never downloaded' };
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, version, problem: `${binary} is missing` };
  const distVersion = readOptional(join(electronDir, 'dist', 'version'))
    ?.trim()
    .replace(/^v/, '');
  if (distVersion && distVersion !== version) {
    return { ok: false, version, problem: `the downloaded binary is version ${distVersion}` };
  }
  return { ok: true, path: binary, version };
}

/**
 * The most telling line of an installer's output: the last error message, not the
 * stack frames under it. Null for empty output.
 *
 * @param {string} output
 * @returns {string | null}
 */
export function lastErrorLine(output) {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^at\s/.test(line));
  const errors = lines.filter((line) => /error|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|fail/i.test(line));
  const line = errors.at(-1) ?? lines.at(-1);
  if (!line) return null;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * The message shown when the binary is missing and could not be fetched: what is
 * missing, why, how to fix it, and the browser alternative. A handful of lines.
 *
 * @param {{ version: string, problem?: string, installerError?: string | null, skipped?: boolean }} details
 * @returns {string}
 */
export function missingBinaryMessage({ version, problem, installerError, skipped = false }) {
  const lines = [`Study Notebook cannot start: the Electron ${version} binary is missing (${problem ?? 'not found'}).`];
  if (skipped) {
    lines.push('ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set, so it was not downloaded.');
  } else {
    lines.push('The electron package fetches it from GitHub on first use, and that download failed.');
    if (installerError) lines.push(`  ${installerError}`);
  }
  lines.push(
    'To fix it:',
    skipped
      ? '  - unset ELECTRON_SKIP_BINARY_DOWNLOAD and run `npm start` again, or'
      : '  - allow access to github.com (or set ELECTRON_MIRROR to a mirror) and run `npm start` again, or',
    '  - run `npx install-electron` yourself.',
    'Meanwhile, `npm run serve` opens the same app in your browser.',
  );
  return lines.join('\n');
}

/**
 * Runs Electron's own installer (the package's `install-electron` bin) with its output
 * captured, so a failure can be summarised rather than dumped.
 *
 * @param {string} electronDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ status: number | null, output: string }}
 */
export function runElectronInstaller(electronDir, env) {
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    env,
    encoding: 'utf8',
    // A download of ~100 MB on a slow line takes minutes; a dead network fails in seconds.
    timeout: 15 * 60 * 1000,
  });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}\n${result.error ? String(result.error) : ''}`;
  return { status: result.status, output };
}

/**
 * Makes sure the Electron binary is there: checks, fetches it once if missing (unless
 * `ELECTRON_SKIP_BINARY_DOWNLOAD=1`), checks again. Reports through `log`/`error`.
 *
 * @param {{
 *   projectDir: string,
 *   env?: NodeJS.ProcessEnv,
 *   install?: (electronDir: string, env: NodeJS.ProcessEnv) => { status: number | null, output: string },
 *   log?: (message: string) => void,
 *   error?: (message: string) => void,
 * }} options
 * @returns {number} the exit status: 0 when the binary is ready, 1 otherwise.
 */
export function ensureElectron({
  projectDir,
  env = process.env,
  install = runElectronInstaller,
  log = (message) => console.log(message),
  error = (message) => console.error(message),
}) {
  const electronDir = findElectronPackage(projectDir);
  if (!electronDir) {
    error('Study Notebook cannot start: the electron package is not installed. Run `npm install` first.');
    return 1;
  }
  const first = checkElectronBinary(electronDir, env);
  if (first.ok) return 0;

  if (env.ELECTRON_EXEC_PATH) {
    // The user chose a binary explicitly: downloading another one would not be used.
    error(
      `Study Notebook cannot start: ${first.problem}. Point it at an Electron ${first.version} binary, or unset it.`,
    );
    return 1;
  }
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
    error(missingBinaryMessage({ version: first.version, problem: first.problem, skipped: true }));
    return 1;
  }

  log(`Fetching the Electron ${first.version} binary (first run only)…`);
  const result = install(electronDir, env);
  const second = checkElectronBinary(electronDir, env);
  if (result.status === 0 && second.ok) return 0;
  error(
    missingBinaryMessage({
      version: first.version,
      problem: second.ok ? 'the installer failed' : second.problem,
      installerError: lastErrorLine(result.output),
    }),
  );
  return 1;
}

/** @param {string} electronDir */
function readVersion(electronDir) {
  try {
    return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** @param {string} path */
function readOptional(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
