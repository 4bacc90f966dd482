import type { MethodName, ArgsOf } from './NotebookApi';
import {
  docRef,
  entryId,
  folderPath,
  imageData,
  importOptions,
  packId,
  packName,
  uploadChunk,
  uploadId,
  linkTarget,
  noteContent,
  notePath,
  noteTitle,
  queryText,
  vaultFolder,
  version,
  workspaceState,
} from './schemas';
import * as v from './validate';
import { MAX_ENTRY_ROWS } from '../domain/glossary';
import { HIGHLIGHT_COLOURS } from '../domain/highlights';
import { MAX_TERM_BLOCK_CHARS, MAX_TERM_BLOCKS, MAX_TERM_CARDS } from '../domain/terms';

const highlightColour = v.literal(...HIGHLIGHT_COLOURS);
const highlightId = v.string({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/, patternName: 'a highlight id' });
const textOffset = v.integer(0, 1e8);
/** A margin note: Markdown, at most 100,000 characters. */
const marginNote = v.string({ max: 100_000, noControl: false });

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
  listEntryRows: {
    args: v.object({
      filter: queryText,
      packId: v.optional(packId),
      offset: v.integer(0, 1e9),
      limit: v.integer(0, MAX_ENTRY_ROWS),
    }),
  },
  getEntry: { args: v.object({ id: entryId }) },
  getWorkspaceState: { args: v.none() },
  updateWorkspaceState: { args: v.object({ patch: workspaceState }) },
  listNotes: { args: v.none() },
  readNote: { args: v.object({ path: notePath }) },
  saveNote: {
    args: v.object({
      path: notePath,
      content: noteContent,
      baseVersion: v.nullable(version),
      ifChanged: v.optional(v.literal('copy', 'report')),
    }),
  },
  createNote: {
    args: v.object({ title: v.optional(noteTitle), folder: v.optional(folderPath), content: v.optional(noteContent) }),
  },
  renameNote: { args: v.object({ path: notePath, title: noteTitle, updateLinks: v.optional(v.boolean()) }) },
  countLinksToNote: { args: v.object({ path: notePath }) },
  saveImage: { args: v.object({ note: notePath, data: imageData }) },
  resolveAttachments: {
    args: v.object({ targets: v.array(v.string({ min: 1, max: 1024 }), 2000), from: v.optional(notePath) }),
  },
  openAttachment: { args: v.object({ path: v.string({ min: 1, max: 1024 }) }) },
  fetchRemoteImage: {
    args: v.object({ url: v.string({ min: 8, max: 4096, pattern: /^https?:\/\//i, patternName: 'a web address' }) }),
  },
  getPropertyTypes: { args: v.none() },
  setPropertyType: {
    args: v.object({
      key: v.string({ min: 1, max: 1024 }),
      type: v.literal('text', 'list', 'number', 'checkbox', 'date', 'datetime', 'tags', 'aliases'),
    }),
  },
  getPreferences: { args: v.none() },
  updatePreferences: {
    args: v.object({
      patch: v.object({
        remoteImages: v.optional(v.literal('ask', 'always')),
        termDefinitions: v.optional(v.literal('on', 'off')),
      }),
    }),
  },
  deleteNote: { args: v.object({ path: notePath }) },
  listDrafts: { args: v.none() },
  discardDraft: { args: v.object({ path: notePath }) },
  openVault: { args: v.object({ path: v.optional(vaultFolder) }) },
  listVaults: { args: v.none() },
  suggestLinkTargets: { args: v.object({ query: queryText, limit: v.optional(v.integer(1, 200)) }) },
  suggestTags: { args: v.object({ query: queryText, limit: v.optional(v.integer(1, 200)) }) },
  listHeadings: { args: v.object({ target: linkTarget, from: v.optional(notePath) }) },
  resolveLinks: { args: v.object({ targets: v.array(linkTarget, 2000), from: v.optional(notePath) }) },
  getLinkPreview: { args: v.object({ target: linkTarget, from: v.optional(notePath) }) },
  getLinkText: { args: v.object({ ref: docRef, from: v.optional(notePath) }) },
  getEmbed: {
    args: v.object({ target: linkTarget, part: v.optional(v.string({ max: 1000 })), from: v.optional(notePath) }),
  },
  getBacklinks: { args: v.object({ ref: docRef }) },
  getUnlinkedMentions: { args: v.object({ ref: docRef }) },
  linkMentions: {
    args: v.object({
      path: notePath,
      ref: docRef,
      mentions: v.array(
        v.object({ start: v.integer(0, 1e9), end: v.integer(0, 1e9), source: v.string({ min: 1, max: 2000 }) }),
        10_000,
      ),
    }),
  },
  getOutgoingLinks: { args: v.object({ path: notePath }) },
  listUnresolvedLinks: { args: v.none() },
  getEntryLinkCounts: { args: v.none() },
  search: {
    args: v.object({
      query: queryText,
      scope: v.optional(v.literal('all', 'glossary', 'notes')),
      limit: v.optional(v.integer(1, 500)),
    }),
  },
  quickSwitch: { args: v.object({ query: queryText, limit: v.optional(v.integer(1, 200)) }) },
  getIndexStatus: { args: v.none() },
  getLinkIndexStatus: { args: v.none() },
  listPacks: { args: v.none() },
  startPackUpload: {
    args: v.object({ name: v.string({ min: 1, max: 255 }), kind: v.literal('file', 'folder') }),
  },
  appendPackUpload: {
    args: v.object({ uploadId, path: v.string({ min: 1, max: 1024 }), data: uploadChunk }),
  },
  previewPackImport: { args: v.object({ uploadId, options: v.optional(importOptions) }) },
  importPack: {
    args: v.object({
      uploadId,
      options: v.optional(importOptions),
      name: v.optional(packName),
      replace: v.optional(packId),
    }),
  },
  discardPackUpload: { args: v.object({ uploadId }) },
  updatePack: {
    args: v.object({
      id: packId,
      name: v.optional(packName),
      hidden: v.optional(v.boolean()),
      updateLinks: v.optional(v.boolean()),
    }),
  },
  countLinksToPack: { args: v.object({ id: packId }) },
  removePack: { args: v.object({ id: packId }) },
  getEntryHighlights: { args: v.object({ entryId }) },
  addHighlight: {
    args: v.object({
      entryId,
      start: textOffset,
      end: textOffset,
      colour: v.optional(highlightColour),
      note: v.optional(marginNote),
    }),
  },
  updateHighlight: {
    args: v.object({
      entryId,
      id: highlightId,
      patch: v.object({
        colour: v.optional(highlightColour),
        note: v.optional(marginNote),
        place: v.optional(v.object({ start: textOffset, end: textOffset })),
      }),
    }),
  },
  deleteHighlight: { args: v.object({ entryId, id: highlightId }) },
  listHighlightedEntries: { args: v.none() },
  getHighlightsFolder: { args: v.none() },
  setHighlightsFolder: { args: v.object({ folder: folderPath }) },
  findTermsInBlocks: {
    args: v.object({ blocks: v.array(v.string({ max: MAX_TERM_BLOCK_CHARS, noControl: false }), MAX_TERM_BLOCKS) }),
  },
  describeTerms: { args: v.object({ ids: v.array(entryId, MAX_TERM_CARDS), from: v.optional(notePath) }) },
} satisfies { [M in MethodName]: MethodSpec<ArgsOf<M>> };

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
