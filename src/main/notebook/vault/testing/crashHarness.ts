import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { DraftStore } from '../DraftStore';
import { nodeVaultFs } from '../../fs/VaultFs';
import { CRASH_NOTES, crashNoteContent, crashNotePath } from './crashNoteContent';

export interface CrashRunOptions {
  /** A fresh folder for the vault, the state and the bundled child. */
  workDir: string;
  rounds: number;
  /** Longest wait after READY before the SIGKILL, in ms. Default 40. */
  maxDelayMs?: number;
  /** Called after each round (progress for the soak script). */
  onRound?(round: number): void;
}

export interface CrashRunReport {
  rounds: number;
  /** Saves that completed, over all rounds. */
  savesDone: number;
  /** Kills that landed while a save was in flight. */
  killedMidSave: number;
  /** Kills after the recovery copy was written but before the save finished. */
  killedAfterDraft: number;
  /** Everything that broke the promise: empty, truncated or mixed files, lost edits. */
  violations: string[];
}

interface Progress {
  saves: number;
  lastDone: Map<number, number>;
  started: Map<number, number>;
  drafted: Map<number, number>;
}

/**
 * Kills a process that saves notes (saveLoopChild) with SIGKILL, `rounds` times, at
 * random moments, and after each kill checks what the user was promised: every note
 * file holds exactly its last saved version or the version being saved (never empty,
 * truncated or mixed), and an edit whose save was cut short is in the recovery copy
 * once that copy was written.
 */
export async function runCrashRounds(options: CrashRunOptions): Promise<CrashRunReport> {
  const vault = join(options.workDir, 'vault');
  const state = join(options.workDir, 'state');
  mkdirSync(vault, { recursive: true });
  mkdirSync(state, { recursive: true });
  const child = bundleChild(options.workDir);
  for (let note = 0; note < CRASH_NOTES; note++) writeFileSync(join(vault, crashNotePath(note)), `initial ${note}\n`);

  // What each note's file may hold: its last confirmed version, or any version whose save
  // was cut short since (a kill after the rename but before the DONE line).
  const allowed = new Map<number, Set<string>>();
  for (let note = 0; note < CRASH_NOTES; note++) allowed.set(note, new Set([`initial ${note}\n`]));
  const report: CrashRunReport = { rounds: 0, savesDone: 0, killedMidSave: 0, killedAfterDraft: 0, violations: [] };
  let next = 0;
  for (let round = 0; round < options.rounds; round++) {
    const progress = await runOnce(child, vault, state, next, options.maxDelayMs ?? 40);
    for (const [note, version] of progress.lastDone) allowed.set(note, new Set([crashNoteContent(note, version)]));
    for (const [note, version] of progress.started) allowed.get(note)!.add(crashNoteContent(note, version));
    report.savesDone += progress.saves;
    next = Math.max(next, ...progress.started.values(), ...progress.lastDone.values()) + 1;
    if (progress.started.size > 0) report.killedMidSave++;
    if (progress.drafted.size > 0) report.killedAfterDraft++;
    report.violations.push(...checkVault(vault, state, allowed, progress).map((v) => `round ${round}: ${v}`));
    report.rounds++;
    options.onRound?.(round);
  }
  return report;
}

function bundleChild(workDir: string): string {
  const outfile = join(workDir, 'saveLoopChild.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'saveLoopChild.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'error',
    alias: { '@shared': join(__dirname, '..', '..', '..', '..', 'shared') },
  });
  return outfile;
}

function runOnce(child: string, vault: string, state: string, first: number, maxDelayMs: number): Promise<Progress> {
  return new Promise((resolve, reject) => {
    const progress: Progress = { saves: 0, lastDone: new Map(), started: new Map(), drafted: new Map() };
    const proc = spawn(process.execPath, [child, vault, state, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    // The kill lands a random moment after a random number of completed saves (0–3), so
    // the rounds cover saves in every state however slow a loaded machine makes them.
    const savesBeforeKill = Math.floor(Math.random() * 4);
    const armKill = () => (killTimer ??= setTimeout(() => proc.kill('SIGKILL'), Math.random() * maxDelayMs));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const [word, note, version] = buffer.slice(0, at).split(' ');
        buffer = buffer.slice(at + 1);
        if (word === 'READY' && savesBeforeKill === 0) armKill();
        const n = Number(note);
        const v = Number(version);
        if (word === 'START') progress.started.set(n, v);
        if (word === 'DRAFTED') progress.drafted.set(n, v);
        if (word === 'DONE') {
          progress.saves++;
          progress.lastDone.set(n, v);
          progress.started.delete(n);
          progress.drafted.delete(n);
          if (progress.saves === savesBeforeKill) armKill();
        }
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') reject(new Error(`the save loop exited by itself (${code}): ${stderr}`));
      else resolve(progress);
    });
  });
}

function isWholeVersion(note: number, text: string): boolean {
  const version = /^# Note \d+, version (\d+)\n/.exec(text)?.[1];
  return version !== undefined && text === crashNoteContent(note, Number(version));
}

function checkVault(vault: string, state: string, allowed: Map<number, Set<string>>, progress: Progress): string[] {
  const problems: string[] = [];
  const drafts = new DraftStore(nodeVaultFs, join(state, 'drafts'));
  for (let note = 0; note < CRASH_NOTES; note++) {
    const file = join(vault, crashNotePath(note));
    if (!existsSync(file)) {
      problems.push(`${crashNotePath(note)} is missing`);
      continue;
    }
    const content = readFileSync(file, 'utf8');
    if (!allowed.get(note)!.has(content)) {
      problems.push(`${crashNotePath(note)} holds neither a saved nor a pending version (${content.length} bytes)`);
    }
    const draftFile = drafts.fileFor(crashNotePath(note));
    const draft = existsSync(draftFile) ? (JSON.parse(readFileSync(draftFile, 'utf8')) as { content: string }) : null;
    // A draft left by an earlier crash is offered back later; it must hold a whole version.
    if (draft && !isWholeVersion(note, draft.content)) {
      problems.push(`the draft of ${crashNotePath(note)} is not a whole version of the note`);
    }
    const inFlight = progress.started.get(note);
    if (inFlight !== undefined && progress.drafted.get(note) === inFlight) {
      const pending = crashNoteContent(note, inFlight);
      if (content !== pending && draft?.content !== pending) {
        problems.push(`the edit to ${crashNotePath(note)} is in neither the file nor the draft`);
      }
    }
  }
  const stray = readdirSync(vault).filter((name) => !name.startsWith('.') && !/^Crash note \d+\.md$/.test(name));
  if (stray.length > 0) problems.push(`unexpected files in the vault: ${stray.join(', ')}`);
  return problems;
}
