import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { workspaceState } from '@shared/api/schemas';
import type { WorkspaceState } from '@shared/domain/workspace';
import { writeFileAtomic } from '../fs/writeFileAtomic';

/**
 * Persists the UI's workspace state for one vault as JSON in the vault's state folder.
 * A missing or unreadable file means a first start: it yields `{}` rather than an error,
 * because losing pane sizes must never stop the app from starting.
 */
export class WorkspaceStore {
  private readonly file: string;
  private state: WorkspaceState | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dir: string) {
    this.file = join(dir, 'workspace.json');
  }

  async get(): Promise<WorkspaceState> {
    if (!this.state) this.state = await this.read();
    return { ...this.state };
  }

  /** Merges the patch (null clears a field) and writes the result atomically. */
  async update(patch: WorkspaceState): Promise<WorkspaceState> {
    const next: Record<string, unknown> = { ...(await this.get()) };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete next[key];
      else if (value !== undefined) next[key] = value;
    }
    this.state = next as WorkspaceState;
    const snapshot = JSON.stringify(this.state, null, 2) + '\n';
    // Writes are chained so a slow write can never land after a newer one.
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        await fs.mkdir(this.dir, { recursive: true });
        await writeFileAtomic(this.file, snapshot);
      });
    await this.writing;
    return { ...this.state };
  }

  private async read(): Promise<WorkspaceState> {
    try {
      // A hand-edited or older file is validated like any other untrusted input.
      return workspaceState(JSON.parse(await fs.readFile(this.file, 'utf8')), 'workspace');
    } catch {
      return {};
    }
  }
}
