import type { MethodName, ArgsOf } from './NotebookApi';
import { entryId, folderPath, noteContent, notePath, noteTitle, vaultFolder, version, workspaceState } from './schemas';
import * as v from './validate';

interface MethodSpec<A> {
  /** Checks the untrusted argument and returns it typed. */
  args: v.Validator<A>;
}

/**
 * The runtime method table: exhaustive over NotebookApi (the `satisfies` clause
 * fails to compile if a method is missing or its validator produces the wrong type).
 */
export const methods = {
  getAppInfo: { args: v.none() },
  listEntries: { args: v.none() },
  getEntry: { args: v.object({ id: entryId }) },
  getWorkspaceState: { args: v.none() },
  updateWorkspaceState: { args: v.object({ patch: workspaceState }) },
  listNotes: { args: v.none() },
  readNote: { args: v.object({ path: notePath }) },
  saveNote: { args: v.object({ path: notePath, content: noteContent, baseVersion: v.nullable(version) }) },
  createNote: {
    args: v.object({ title: v.optional(noteTitle), folder: v.optional(folderPath), content: v.optional(noteContent) }),
  },
  renameNote: { args: v.object({ path: notePath, title: noteTitle }) },
  deleteNote: { args: v.object({ path: notePath }) },
  listDrafts: { args: v.none() },
  discardDraft: { args: v.object({ path: notePath }) },
  openVault: { args: v.object({ path: v.optional(vaultFolder) }) },
} satisfies { [M in MethodName]: MethodSpec<ArgsOf<M>> };

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
