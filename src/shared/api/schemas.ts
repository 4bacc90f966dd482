import { ENTRY_ID_PATTERN } from '../domain/glossary';
import { MAX_PACK_NAME_LENGTH, PACK_FORMATS, PACK_ID_PATTERN } from '../domain/packs';
import { MAX_NOTE_BYTES, MAX_TITLE_LENGTH } from '../domain/note';
import { notePathProblem } from '../domain/notePath';
import * as v from './validate';

/** Validators for the domain values that cross the boundary, shared by methods and stores. */

export const entryId = v.string({ min: 1, max: 200, pattern: ENTRY_ID_PATTERN, patternName: 'a glossary id' });

export const docRef = v.tagged({
  entry: v.object({ id: entryId }),
  note: v.object({ path: (value, path) => notePath(value, path) }),
});

export const workspaceState = v.object({
  lastOpened: v.optional(v.nullable(docRef)),
  referenceEntryId: v.optional(v.nullable(entryId)),
  sidebarWidth: v.optional(v.integer(160, 800)),
  referenceWidth: v.optional(v.integer(240, 1600)),
  recent: v.optional(v.array(docRef, 50)),
  backlinksOpen: v.optional(v.boolean()),
});

/** Link text as written inside `[[…]]` (the target part). */
export const linkTarget = v.string({ min: 1, max: 1000 });

/** What a user types into a search box or menu. */
export const queryText = v.string({ max: 1000 });

/** A vault-relative note path (see notePathProblem for the rules). */
export const notePath: v.Validator<string> = (value, path) => {
  const text = v.string({ min: 1, max: 1024 })(value, path);
  const problem = notePathProblem(text);
  if (problem) throw new v.ValidationError(path, problem);
  return text;
};

/** A vault-relative folder ('' for the root): the same rules as note paths, without ".md". */
export const folderPath: v.Validator<string> = (value, path) => {
  const text = v.string({ max: 1000 })(value, path);
  if (text === '') return text;
  const problem = notePathProblem(`${text}/x.md`);
  if (problem) throw new v.ValidationError(path, problem);
  return text;
};

/** Note text: bounded so no call can carry unbounded data (UTF-16 units; bytes are checked again on write). */
export const noteContent = v.string({ max: MAX_NOTE_BYTES, noControl: false });

/** A title as typed by the user; sanitized by the backend before it names a file. */
export const noteTitle = v.string({ min: 1, max: MAX_TITLE_LENGTH * 2 });

export const version = v.string({ min: 1, max: 200, pattern: /^[A-Za-z0-9_-]+$/, patternName: 'a version token' });

/** An absolute folder path chosen by the user for a vault. */
export const vaultFolder = v.string({ min: 1, max: 4096 });

/** A reference pack's id (see PACK_ID_PATTERN). */
export const packId = v.string({ min: 1, max: 40, pattern: PACK_ID_PATTERN, patternName: 'a pack id' });

/** A pack name as typed by the user; tidied by the backend. */
export const packName = v.string({ min: 1, max: MAX_PACK_NAME_LENGTH * 2 });

/** An upload handle (see startPackUpload). */
export const uploadId = v.string({ min: 32, max: 32, pattern: /^[0-9a-f]{32}$/, patternName: 'an upload id' });

/** Largest chunk of an upload, in bytes once decoded. */
export const MAX_UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

/** Base64 bytes of one upload chunk. */
export const uploadChunk = v.string({
  max: Math.ceil(MAX_UPLOAD_CHUNK_BYTES / 3) * 4,
  pattern: /^[A-Za-z0-9+/]*={0,2}$/,
  patternName: 'base64 data',
});

/** How to read an import source (see ImportOptions). */
export const importOptions = v.object({
  format: v.optional(v.literal(...PACK_FORMATS)),
  encoding: v.optional(v.string({ min: 1, max: 40, pattern: /^[A-Za-z0-9_.:-]+$/, patternName: 'an encoding label' })),
  separator: v.optional(v.string({ min: 1, max: 16 })),
  rowSeparator: v.optional(v.string({ min: 1, max: 16 })),
});

/** An image file as base64 (saveImage): at most 20 MB of bytes. */
export const imageData = v.string({
  min: 1,
  max: Math.ceil((20 * 1024 * 1024) / 3) * 4,
  pattern: /^[A-Za-z0-9+/]*={0,2}$/,
  patternName: 'base64 data',
});
