import type { AppInfo } from '../domain/appInfo';
import type { EntrySummary, GlossaryEntry } from '../domain/glossary';
import type { WorkspaceState } from '../domain/workspace';

/**
 * The one contract between the UI and the backend. Every backend capability is one
 * async method taking at most one JSON-plain argument object and resolving to a
 * JSON-plain result. Failures reject with a NotebookError (see errors.ts).
 *
 * Served in-process by createDispatcher, over Electron IPC, and over HTTP on 127.0.0.1.
 */
export interface NotebookApi {
  /** Name, version, host kind and vault path of the running app. */
  getAppInfo(): Promise<AppInfo>;

  /** All glossary entries, sorted by title (case-insensitive, locale-aware). */
  listEntries(): Promise<EntrySummary[]>;

  /**
   * One glossary entry in full.
   * @throws not-found when no entry has this id.
   */
  getEntry(args: { id: string }): Promise<GlossaryEntry>;

  /** What the UI stored for this vault; `{}` on a first start. */
  getWorkspaceState(): Promise<WorkspaceState>;

  /**
   * Merges `patch` into the stored workspace state and returns the result. A field set
   * to null is cleared. Written atomically outside the vault.
   */
  updateWorkspaceState(args: { patch: WorkspaceState }): Promise<WorkspaceState>;
}

export type MethodName = keyof NotebookApi;

/** The argument a method takes (`undefined` for methods without one). */
export type ArgsOf<M extends MethodName> = Parameters<NotebookApi[M]>[0];

/** What a method resolves to. */
export type ResultOf<M extends MethodName> = Awaited<ReturnType<NotebookApi[M]>>;

/**
 * Events the backend pushes to the UI, by name, with their payloads.
 */
export interface NotebookEvents {
  /** The glossary was reloaded (an import finished). */
  'glossary-changed': { count: number };
}

export type EventName = keyof NotebookEvents;
