import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkElectronBinary, ensureElectron, lastErrorLine, runElectronInstaller } from './electronBinary.mjs';

const FAILED_DOWNLOAD = [
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:14976:13',
  '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
  '    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)',
].join('\n');

let project: string;
let electronDir: string;

/** A project folder holding a fake `electron` package: version 45.4.1, no binary yet. */
function fakeProject(): void {
  project = mkdtempSync(join(tmpdir(), 'ensure-electron-'));
  writeFileSync(join(project, 'package.json'), '{"name":"fake-project"}');
  electronDir = join(project, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), '{"name":"electron","version":"45.4.1"}');
}

function placeBinary(version = '45.4.1'): void {
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  writeFileSync(join(electronDir, 'dist', 'electron'), '');
  writeFileSync(join(electronDir, 'dist', 'version'), `v${version}`);
  writeFileSync(join(electronDir, 'path.txt'), 'electron');
}

function run(env: NodeJS.ProcessEnv, install = vi.fn(() => ({ status: 1, output: FAILED_DOWNLOAD }))) {
  const log = vi.fn();
  const error = vi.fn();
  const status = ensureElectron({ projectDir: project, env, install, log, error });
  return { status, install, log, error, printed: error.mock.calls.map((c) => c[0] as string).join('\n') };
}

beforeEach(fakeProject);
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe('ensureElectron', () => {
  it('does nothing when the binary is there', () => {
    placeBinary();
    const result = run({});
    expect(result.status).toBe(0);
    expect(result.install).not.toHaveBeenCalled();
    expect(result.error).not.toHaveBeenCalled();
  });

  it("runs Electron's installer when path.txt is missing, and succeeds once it placed the binary", () => {
    const install = vi.fn(() => {
      placeBinary();
      return { status: 0, output: '' };
    });
    const result = run({}, install);
    expect(install).toHaveBeenCalledWith(electronDir, {});
    expect(result.status).toBe(0);
    expect(result.log).toHaveBeenCalledWith(expect.stringContaining('Fetching the Electron 45.4.1 binary'));
  });

  it('runs the installer again when the binary named by path.txt is gone', () => {
    placeBinary();
    rmSync(join(electronDir, 'dist', 'electron'));
    expect(run({}).install).toHaveBeenCalledTimes(1);
  });

  it('treats a binary of another version as missing', () => {
    placeBinary('44.0.0');
    expect(checkElectronBinary(electronDir, {})).toMatchObject({
      ok: false,
      problem: expect.stringContaining('44.0.0'),
    });
  });

  it('explains a failed download in a few lines: what, why, how to fix, and the browser alternative', () => {
    const { status, printed } = run({});
    expect(status).toBe(1);
    expect(printed).toContain('Electron 45.4.1 binary is missing');
    expect(printed).toContain('TypeError: fetch failed');
    expect(printed).toContain('ELECTRON_MIRROR');
    expect(printed).toContain('npm start');
    expect(printed).toContain('npx install-electron');
    expect(printed).toContain('npm run serve');
    // The stack trace stays out of it.
    expect(printed).not.toContain('FetchDownloader');
    expect(printed).not.toMatch(/^\s*at /m);
    expect(printed.split('\n').length).toBeLessThanOrEqual(8);
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD=1, and says so', () => {
    const { status, install, printed } = run({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(status).toBe(1);
    expect(install).not.toHaveBeenCalled();
    expect(printed).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set');
    expect(printed).toContain('npm run serve');
  });

  it('reports success with ELECTRON_SKIP_BINARY_DOWNLOAD=1 when the binary is already there', () => {
    placeBinary();
    expect(run({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }).status).toBe(0);
  });

  it('accepts ELECTRON_EXEC_PATH when it names a file, and never downloads for it', () => {
    const binary = join(project, 'my-electron');
    writeFileSync(binary, '');
    expect(run({ ELECTRON_EXEC_PATH: binary }).status).toBe(0);
    const missing = run({ ELECTRON_EXEC_PATH: join(project, 'nope') });
    expect(missing.status).toBe(1);
    expect(missing.install).not.toHaveBeenCalled();
    expect(missing.printed).toContain('ELECTRON_EXEC_PATH');
  });

  it('says to run npm install when the electron package itself is absent', () => {
    rmSync(electronDir, { recursive: true });
    const { status, printed } = run({});
    expect(status).toBe(1);
    expect(printed).toContain('npm install');
  });
});

describe('runElectronInstaller', () => {
  it("captures the installer's output instead of letting it through", () => {
    writeFileSync(
      join(electronDir, 'install.js'),
      `console.error(${JSON.stringify(FAILED_DOWNLOAD)}); process.exit(1);`,
    );
    const result = runElectronInstaller(electronDir, {});
    expect(result.status).toBe(1);
    expect(lastErrorLine(result.output)).toBe('TypeError: fetch failed');
  });
});

describe('lastErrorLine', () => {
  it.each([
    [FAILED_DOWNLOAD, 'TypeError: fetch failed'],
    [
      'Downloading…\nHTTPError: Response code 404 (Not Found) for https://github.com/x\n    at y',
      'HTTPError: Response code 404 (Not Found) for https://github.com/x',
    ],
    ['RequestError: getaddrinfo ENOTFOUND github.com\n    at z', 'RequestError: getaddrinfo ENOTFOUND github.com'],
    ['something odd', 'something odd'],
    ['', null],
  ])('%j → %j', (output, line) => {
    expect(lastErrorLine(output)).toBe(line);
  });
});

describe('the CLI', () => {
  it('exits 1 with the short message and no stack trace when the binary is missing', () => {
    const cli = join(import.meta.dirname, 'ensureElectron.mjs');
    const result = spawnSync(process.execPath, [cli], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_EXEC_PATH: '' },
    });
    const hasBinary = checkElectronBinary(join(import.meta.dirname, '..', 'node_modules', 'electron'), {}).ok;
    if (hasBinary) {
      expect(result.status).toBe(0);
    } else {
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('npm run serve');
      expect(result.stderr).not.toMatch(/^\s*at /m);
    }
  });
});
