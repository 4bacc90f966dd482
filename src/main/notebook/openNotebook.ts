import { promises as fs } from 'node:fs';
import { NotebookError } from '@shared/api/errors';
import type { NotebookApi } from '@shared/api/NotebookApi';
import type { AppInfo } from '@shared/domain/appInfo';
import type { EntrySummary, GlossaryEntry } from '@shared/domain/glossary';
import type { WorkspaceState } from '@shared/domain/workspace';
import { EventBus } from './events/EventBus';
import { loadGlossary } from './glossary/loadGlossary';
import type { NotebookConfig } from './NotebookConfig';
import { vaultStateDir } from './workspace/vaultStateDir';
import { WorkspaceStore } from './workspace/WorkspaceStore';

/** The backend behind the contract, plus what only hosts need. */
export interface NotebookService extends NotebookApi {
  readonly events: EventBus;
  /** Flushes pending writes and releases watchers. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens a notebook: creates the vault and state folders if needed and loads the
 * glossary. The returned service implements every NotebookApi method.
 *
 * @throws Error when the glossary folder cannot be read (a broken install).
 */
export async function openNotebook(config: NotebookConfig): Promise<NotebookService> {
  await fs.mkdir(config.vaultPath, { recursive: true });
  const stateDir = vaultStateDir(config.stateDir, config.vaultPath);
  await fs.mkdir(stateDir, { recursive: true });

  const entries = await loadGlossary(config.glossaryDir);
  const entriesById = new Map(entries.map((entry) => [entry.id, entry]));
  const summaries: EntrySummary[] = entries.map(({ id, title, aliases }) => ({ id, title, aliases: [...aliases] }));
  const workspace = new WorkspaceStore(stateDir);
  const events = new EventBus();

  return {
    events,

    async getAppInfo(): Promise<AppInfo> {
      return { name: 'Study Notebook', version: config.appVersion, host: config.host, vaultPath: config.vaultPath };
    },

    async listEntries(): Promise<EntrySummary[]> {
      return summaries.map((s) => ({ ...s, aliases: [...s.aliases] }));
    },

    async getEntry({ id }): Promise<GlossaryEntry> {
      const entry = entriesById.get(id);
      if (!entry) throw new NotebookError('not-found', `There is no glossary entry "${id}".`);
      return structuredClone(entry);
    },

    async getWorkspaceState(): Promise<WorkspaceState> {
      return workspace.get();
    },

    async updateWorkspaceState({ patch }): Promise<WorkspaceState> {
      if (patch.lastEntryId && !entriesById.has(patch.lastEntryId)) {
        throw new NotebookError('not-found', `There is no glossary entry "${patch.lastEntryId}".`);
      }
      return workspace.update(patch);
    },

    async close(): Promise<void> {},
  };
}
