// Types for electronBinary.mjs (plain JavaScript so `npm start` runs it with bare Node).

export type BinaryCheck = { ok: true; path: string; version: string } | { ok: false; version: string; problem: string };
export interface InstallerResult {
  status: number | null;
  output: string;
}

export function findElectronPackage(fromDir: string): string | null;
export function checkElectronBinary(electronDir: string, env?: NodeJS.ProcessEnv): BinaryCheck;
export function lastErrorLine(output: string): string | null;
export function missingBinaryMessage(details: {
  version: string;
  problem?: string;
  installerError?: string | null;
  skipped?: boolean;
}): string;
export function runElectronInstaller(electronDir: string, env: NodeJS.ProcessEnv): InstallerResult;
export function ensureElectron(options: {
  projectDir: string;
  env?: NodeJS.ProcessEnv;
  install?: (electronDir: string, env: NodeJS.ProcessEnv) => InstallerResult;
  log?: (message: string) => void;
  error?: (message: string) => void;
}): number;
