/**
 * The process a crash test kills: it opens a vault store and saves notes in a loop,
 * reporting each step on stdout (synchronous on pipes) so the parent knows what was in
 * flight when the SIGKILL landed. Lines: `READY`, `START <note> <version>`,
 * `DRAFTED <note> <version>` (the recovery copy is on disk), `DONE <note> <version>`.
 *
 *   node saveLoopChild.js <vault> <state> <first version>
 */
import { join } from 'node:path';
import { nodeVaultFs, type VaultFs } from '../../fs/VaultFs';
import { VaultStore } from '../VaultStore';
import { CRASH_NOTES, crashNoteContent, crashNotePath } from './crashNoteContent';

async function main(): Promise<void> {
  const [vaultPath, stateDir, first] = process.argv.slice(2) as [string, string, string];
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let inFlight = '';
  const draftsDir = join(stateDir, 'drafts');
  const fs: VaultFs = {
    ...nodeVaultFs,
    rename: async (from, to) => {
      await nodeVaultFs.rename(from, to);
      if (to.startsWith(draftsDir)) say(`DRAFTED ${inFlight}`);
    },
  };
  const store = await VaultStore.open({
    vaultPath,
    stateDir,
    fs,
    watch: { strategy: 'none', pollIntervalMs: 0 },
    log: () => undefined,
  });
  const versions = new Map<number, string>();
  for (let note = 0; note < CRASH_NOTES; note++) {
    versions.set(note, (await store.readNote(crashNotePath(note))).version);
  }
  say('READY');
  for (let version = Number(first); ; version++) {
    const note = version % CRASH_NOTES;
    inFlight = `${note} ${version}`;
    say(`START ${inFlight}`);
    const result = await store.saveNote({
      path: crashNotePath(note),
      content: crashNoteContent(note, version),
      baseVersion: versions.get(note) ?? null,
    });
    if (result.status !== 'saved') throw new Error(`unexpected ${result.status}`);
    versions.set(note, result.version);
    say(`DONE ${inFlight}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
