import { NotebookError } from '@shared/api/errors';
import type { NotebookApi } from '@shared/api/NotebookApi';
import type { ImportPreview, ImportProgress, PreviewEntry } from '@shared/domain/packs';
import type { LinkUpdateReport } from '@shared/domain/links';
import { normalizeName } from '@shared/links/normalizeLinkTarget';
import type { EventBus } from '../events/EventBus';
import type { PackLinks } from '../links/LinkRenamer';
import type { LinkService } from '../links/LinkService';
import { prepareEntries } from './normalizeDraft';
import { PackImportError } from './PackImportError';
import type { PackLibrary } from './PackLibrary';
import type { PackUploads } from './PackUploads';
import { readPackSource } from './readPackSource';

/** Entries and problems a preview shows; the counts say how many there are in all. */
const PREVIEW_ENTRIES = 20;
const PREVIEW_PROBLEMS = 200;
const PREVIEW_DEFINITION_CHARS = 240;

export type PackMethods = Pick<
  NotebookApi,
  | 'listPacks'
  | 'startPackUpload'
  | 'appendPackUpload'
  | 'previewPackImport'
  | 'importPack'
  | 'discardPackUpload'
  | 'updatePack'
  | 'countLinksToPack'
  | 'removePack'
>;

export interface PackMethodsOptions {
  library: PackLibrary;
  uploads: PackUploads;
  events: EventBus;
  /**
   * Makes the library's current entries the ones listed, linked and searched (rebuilds the
   * link and search indexes' view of the glossary) and emits `glossary-changed`.
   */
  reload(): Promise<void>;
  /**
   * The links of the vault (the current session's: a reload starts a new one), to find and
   * update the links naming a pack when it is renamed. Without it, links are not updated.
   */
  links?: () => Promise<Pick<LinkService, 'findPackLinks' | 'rewritePackLinks'>>;
}

/**
 * The contract's reference-pack methods over a PackLibrary: uploads from the page, preview,
 * import with progress events, rename, hide/show and remove. Errors a user can act on
 * (an unreadable source, an unknown pack) become NotebookErrors with the library's message.
 */
export function packMethods({ library, uploads, events, reload, links }: PackMethodsOptions): PackMethods {
  /** The links naming pack `id` by its current name. */
  async function packLinks(id: string): Promise<PackLinks | null> {
    if (!links) return null;
    const titles = new Set((await library.entryTitles(id)).map(normalizeName));
    return (await links()).findPackLinks(id, library.packName(id) ?? '', (key) => titles.has(key));
  }

  return {
    async listPacks() {
      return library.list();
    },

    async startPackUpload({ name, kind }) {
      return { uploadId: await uploads.start(name, kind) };
    },

    async appendPackUpload({ uploadId, path, data }) {
      return { bytes: await uploads.append(uploadId, path, Buffer.from(data, 'base64')) };
    },

    async previewPackImport({ uploadId, options }): Promise<ImportPreview> {
      const source = await userFacing(readPackSource(uploads.sourcePath(uploadId), options));
      const { parsed } = source;
      const { drafts, problems } = prepareEntries(parsed);
      return {
        format: parsed.format,
        encoding: parsed.encoding,
        encodingDetected: parsed.encodingDetected,
        ...(parsed.separator !== undefined ? { separator: parsed.separator } : {}),
        columns: parsed.columns,
        entries: drafts.slice(0, PREVIEW_ENTRIES).map((draft): PreviewEntry => ({
          title: draft.title,
          aliases: draft.aliases,
          definition:
            draft.definition.length > PREVIEW_DEFINITION_CHARS
              ? `${draft.definition.slice(0, PREVIEW_DEFINITION_CHARS - 1)}…`
              : draft.definition,
          sections: draft.sections.map((section) => section.heading),
          source: draft.source,
        })),
        entryCount: drafts.length,
        problems: problems.slice(0, PREVIEW_PROBLEMS),
        problemCount: problems.length,
        suggestedName: parsed.suggestedName,
      };
    },

    async importPack({ uploadId, options, name, replace }) {
      const path = uploads.sourcePath(uploadId);
      if (replace !== undefined && !library.pack(replace)) {
        throw new NotebookError('not-found', `There is no reference pack “${replace}”.`);
      }
      const progress = (phase: ImportProgress['phase'], done: number, total: number) =>
        events.emit('pack-import-progress', { uploadId, phase, done, total });
      progress('reading', 0, 1);
      const source = await userFacing(readPackSource(path, options, progress));
      const result = await userFacing(
        library.importPack(source.parsed, {
          name,
          replace,
          sourceHash: source.hash,
          sourceName: source.name,
          onProgress: progress,
        }),
      );
      progress('loading', 0, 1);
      await reload();
      progress('loading', 1, 1);
      await uploads.discard(uploadId);
      return result;
    },

    async discardPackUpload({ uploadId }) {
      await uploads.discard(uploadId);
    },

    async updatePack({ id, name, hidden, updateLinks }) {
      if (!library.pack(id)) throw new NotebookError('not-found', `There is no reference pack “${id}”.`);
      let summary = library.pack(id)!;
      let linkUpdates: LinkUpdateReport | null = null;
      if (name !== undefined) {
        // What named the pack by its old name, found before the rename (the old name's links).
        // A new spelling of the same name (only its case) still reaches them all: nothing to do.
        const sameName = normalizeName(name) === normalizeName(summary.name);
        const found = updateLinks && !sameName ? await packLinks(id) : null;
        summary = await userFacing(library.rename(id, name));
        // Links name entries as `[[Pack name/Title]]`: the link index follows the new name
        // (and lists that show pack names refetch them when told glossary-changed).
        await reload();
        if (updateLinks) {
          linkUpdates =
            found && links && found.sources.length > 0
              ? await (await links()).rewritePackLinks(found, summary.name)
              : { updated: [], failed: [] };
        }
      }
      if (hidden !== undefined && hidden !== summary.hidden) {
        summary = await userFacing(library.setHidden(id, hidden));
        await reload();
      }
      return { ...summary, linkUpdates };
    },

    async countLinksToPack({ id }) {
      if (!library.pack(id)) throw new NotebookError('not-found', `There is no reference pack “${id}”.`);
      const found = await packLinks(id);
      return { links: found?.links ?? 0, notes: found?.sources.length ?? 0 };
    },

    async removePack({ id }) {
      if (!library.pack(id)) throw new NotebookError('not-found', `There is no reference pack “${id}”.`);
      await userFacing(library.remove(id));
      await reload();
    },
  };
}

/** A PackImportError is a message for the user: it crosses the contract as invalid-arguments. */
async function userFacing<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof PackImportError) throw new NotebookError('invalid-arguments', error.message);
    throw error;
  }
}
