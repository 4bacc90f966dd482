import {
  PACK_FORMAT_LABELS,
  PACK_FORMATS,
  type ImportOptions,
  type ImportPreview,
  type ImportProgress,
  type ImportResult,
  type PackFormat,
  type PackSummary,
} from '@shared/domain/packs';
import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { Modal } from '../../ui/Modal';
import { Disclosure } from './Disclosure';
import { PackPreview } from './PackPreview';
import { folderSelection, uploadPackSource, type PackSelection } from './uploadPackSource';
import { useFocusReturn } from './useFocusReturn';
import { formatCount } from '../../ui/formatCount';
import './packs.css';

export interface AddPackDialogProps {
  /** Re-import into this pack: its entries keep their ids where their term is unchanged. */
  replace?: PackSummary;
  onClose(): void;
}

/** Encodings offered besides detection (WHATWG labels the backend decodes). */
const ENCODINGS: Array<[string, string]> = [
  ['utf-8', 'UTF-8'],
  ['utf-16le', 'UTF-16 LE (Excel “Unicode text”)'],
  ['utf-16be', 'UTF-16 BE'],
  ['windows-1252', 'Windows-1252 (Western European)'],
  ['iso-8859-2', 'ISO-8859-2 (Central European)'],
  ['windows-1251', 'Windows-1251 (Cyrillic)'],
  ['shift_jis', 'Shift JIS (Japanese)'],
  ['gbk', 'GBK (Simplified Chinese)'],
  ['big5', 'Big5 (Traditional Chinese)'],
  ['euc-kr', 'EUC-KR (Korean)'],
];

const PHASES: Record<ImportProgress['phase'], string> = {
  reading: 'Reading the source…',
  parsing: 'Reading its rows…',
  writing: 'Writing the pack…',
  loading: 'Updating the glossary, links and search…',
};

type Stage =
  | { name: 'pick' }
  | { name: 'uploading'; sent: number; total: number }
  | { name: 'previewing' }
  | { name: 'ready'; preview: ImportPreview }
  | { name: 'importing'; preview: ImportPreview; progress: ImportProgress | null }
  | { name: 'done'; result: ImportResult };

/**
 * "Add reference pack…": pick a file or a folder, see what it holds (format, encoding,
 * columns, the first entries, the rows that would be left out) before anything is written,
 * name the pack and import it with a progress bar. The reading options (format, encoding,
 * separators) are detected and can be changed; the preview follows. Errors say what is
 * wrong with the source; nothing is written then.
 */
export function AddPackDialog({ replace, onClose }: AddPackDialogProps) {
  const api = useApi();
  useFocusReturn(() => document.querySelector<HTMLElement>('.glossary-list .filter'));
  const titleId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [selection, setSelection] = useState<PackSelection | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ name: 'pick' });
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<ImportOptions>({});
  const [name, setName] = useState('');
  const finished = useRef(false);
  const latestUpload = useRef<string | null>(null);

  // A folder input is a file input with `webkitdirectory` (Chromium, Firefox, Safari, Electron).
  useEffect(() => {
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  // An upload the dialog leaves without importing is dropped at once.
  useEffect(
    () => () => {
      if (latestUpload.current && !finished.current) void api.discardPackUpload({ uploadId: latestUpload.current });
    },
    [api],
  );

  // The preview follows the upload and the reading options.
  useEffect(() => {
    if (!uploadId) return;
    let current = true;
    // Typing a separator previews once the typing pauses.
    const timer = setTimeout(() => {
      setStage({ name: 'previewing' });
      setError(null);
      api.previewPackImport({ uploadId, options: cleanOptions(options) }).then(
        (preview) => {
          if (!current) return;
          setStage({ name: 'ready', preview });
          setName((typed) => typed || preview.suggestedName);
        },
        (failure: unknown) => {
          if (!current) return;
          setStage({ name: 'pick' });
          setError(messageOf(failure));
        },
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, uploadId, options]);

  async function choose(picked: PackSelection | null) {
    if (!picked) return;
    if (picked.kind === 'folder' && picked.files.length === 0) {
      setError(`${picked.name} holds no Markdown (.md) or text (.txt) files.`);
      return;
    }
    const previous = latestUpload.current;
    latestUpload.current = null;
    setUploadId(null);
    if (previous) void api.discardPackUpload({ uploadId: previous });
    setSelection(picked);
    setName('');
    setError(null);
    setStage({ name: 'uploading', sent: 0, total: 1 });
    try {
      const id = await uploadPackSource(api, picked, (sent, total) =>
        setStage({ name: 'uploading', sent, total: Math.max(total, 1) }),
      );
      latestUpload.current = id;
      setUploadId(id);
    } catch (failure) {
      setStage({ name: 'pick' });
      setError(messageOf(failure));
    }
  }

  async function startImport() {
    if (stage.name !== 'ready' || !uploadId) return;
    const preview = stage.preview;
    setStage({ name: 'importing', preview, progress: null });
    setError(null);
    const off = api.on('pack-import-progress', (progress) => {
      if (progress.uploadId === uploadId) setStage({ name: 'importing', preview, progress });
    });
    try {
      const result = await api.importPack({
        uploadId,
        options: cleanOptions(options),
        ...(replace ? { replace: replace.id } : { name: name.trim() || preview.suggestedName }),
      });
      finished.current = true;
      setStage({ name: 'done', result });
    } catch (failure) {
      setStage({ name: 'ready', preview });
      setError(messageOf(failure));
    } finally {
      off();
    }
  }

  const busy = stage.name === 'uploading' || stage.name === 'importing';
  const preview = stage.name === 'ready' || stage.name === 'importing' ? stage.preview : null;
  const setOption = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K] | '') =>
    setOptions((current) => {
      const next = { ...current };
      if (value === '' || value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  return (
    <Modal labelledBy={titleId} className="pack-dialog" onCancel={() => !busy && onClose()}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void startImport();
        }}
      >
        <h2 id={titleId}>{replace ? `Re-import “${replace.name}”` : 'Add a reference pack'}</h2>
        <div className="dialog-body pack-dialog-body">
          {stage.name === 'done' ? (
            <ImportSummary result={stage.result} replaced={replace !== undefined} />
          ) : (
            <>
              <p className="pack-intro">
                {replace
                  ? 'Choose the updated source. Entries whose term is unchanged keep their identity, so links to them keep working.'
                  : 'A glossary, dictionary or flashcard deck: a CSV or TSV table, a Quizlet or Anki text export, or a folder of Markdown files. It is copied into the app’s data (never into your vault), and its entries stay read-only.'}
              </p>
              <div className="pack-source" role="group" aria-label="Source">
                <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
                  Choose a file…
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => folderInput.current?.click()}>
                  Choose a folder…
                </button>
                <span
                  className={selection ? 'pack-source-name' : 'pack-source-name pack-source-none'}
                  aria-live="polite"
                >
                  {selection
                    ? selection.kind === 'folder'
                      ? `${selection.name} (${formatCount(selection.files.length, 'file', 'files')})`
                      : selection.name
                    : 'Nothing chosen yet'}
                </span>
                <input
                  ref={fileInput}
                  type="file"
                  hidden
                  aria-label="File to import"
                  accept=".csv,.tsv,.tab,.txt,.md,.markdown,text/csv,text/tab-separated-values,text/plain,text/markdown"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = '';
                    void choose(file ? { kind: 'file', name: file.name, file } : null);
                  }}
                />
                <input
                  ref={folderInput}
                  type="file"
                  hidden
                  multiple
                  aria-label="Folder to import"
                  onChange={(event) => {
                    const picked = event.target.files ? folderSelection(event.target.files) : null;
                    event.target.value = '';
                    void choose(picked);
                  }}
                />
              </div>

              {stage.name === 'uploading' && (
                <div className="pack-progress">
                  <progress aria-label="Copying the source" value={stage.sent} max={stage.total} />
                  <span>Copying {percent(stage.sent, stage.total)}…</span>
                </div>
              )}
              {stage.name === 'previewing' && (
                <p className="pack-progress" role="status">
                  Reading the source…
                </p>
              )}

              <Disclosure className="pack-options" label="Reading options">
                <div className="pack-options-grid">
                  <label className="field">
                    <span>Format</span>
                    <select
                      value={options.format ?? ''}
                      disabled={busy}
                      onChange={(event) => setOption('format', event.target.value as PackFormat | '')}
                    >
                      <option value="">Detect</option>
                      {PACK_FORMATS.map((format) => (
                        <option key={format} value={format}>
                          {PACK_FORMAT_LABELS[format]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span>Encoding</span>
                    <select
                      value={options.encoding ?? ''}
                      disabled={busy}
                      onChange={(event) => setOption('encoding', event.target.value)}
                    >
                      <option value="">Detect</option>
                      {ENCODINGS.map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field">
                    <span>{options.format === 'quizlet' ? 'Between term and definition' : 'Field separator'}</span>
                    <input
                      value={options.separator ?? ''}
                      placeholder={options.format === 'quizlet' ? 'tab' : 'detect'}
                      disabled={busy}
                      spellCheck={false}
                      aria-describedby={`${titleId}-separator-hint`}
                      onChange={(event) => setOption('separator', event.target.value)}
                    />
                  </label>
                  {options.format === 'quizlet' && (
                    <label className="field">
                      <span>Between rows</span>
                      <input
                        value={options.rowSeparator ?? ''}
                        placeholder="new line"
                        disabled={busy}
                        spellCheck={false}
                        onChange={(event) => setOption('rowSeparator', event.target.value)}
                      />
                    </label>
                  )}
                </div>
                <p className="field-hint" id={`${titleId}-separator-hint`}>
                  Separators: a character, or tab, comma, semicolon, pipe. Quizlet’s custom separators may be several
                  characters.
                </p>
              </Disclosure>

              {preview && <PackPreview preview={preview} />}

              {preview && !replace && (
                <label className="field">
                  <span>Pack name</span>
                  <input value={name} disabled={busy} onChange={(event) => setName(event.target.value)} />
                </label>
              )}

              {stage.name === 'importing' && (
                <div className="pack-progress">
                  <progress
                    aria-label="Importing"
                    value={stage.progress ? stage.progress.done : undefined}
                    max={stage.progress ? Math.max(stage.progress.total, 1) : undefined}
                  />
                  <span role="status">{stage.progress ? PHASES[stage.progress.phase] : 'Starting…'}</span>
                </div>
              )}
            </>
          )}
          {error && (
            <p className="field-error pack-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          {stage.name === 'done' ? (
            <button type="button" className="button button-primary" autoFocus onClick={onClose}>
              Done
            </button>
          ) : (
            <>
              <button type="button" className="button" disabled={busy} onClick={onClose}>
                Cancel
              </button>
              <button
                type="submit"
                className="button button-primary"
                disabled={stage.name !== 'ready' || stage.preview.entryCount === 0}
              >
                {preview && preview.entryCount > 0
                  ? `Import ${formatCount(preview.entryCount, 'entry', 'entries')}`
                  : 'Import'}
              </button>
            </>
          )}
        </div>
      </form>
    </Modal>
  );
}

function ImportSummary({ result, replaced }: { result: ImportResult; replaced: boolean }) {
  const { pack } = result;
  return (
    <div className="pack-summary" role="status">
      <p>
        {replaced ? 'Re-imported' : 'Imported'} <strong>{formatCount(pack.entryCount, 'entry', 'entries')}</strong> into
        “{pack.name}”.
        {replaced && ` ${formatCount(result.keptIds, 'entry keeps its', 'entries keep their')} identity and links.`}
      </p>
      {result.problemCount > 0 && (
        <p>
          {formatCount(result.problemCount, 'row was', 'rows were')} left out (the preview listed them). Fix them in the
          source and re-import the pack to add them.
        </p>
      )}
    </div>
  );
}

function cleanOptions(options: ImportOptions): ImportOptions | undefined {
  return Object.keys(options).length > 0 ? options : undefined;
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}

function percent(done: number, total: number): string {
  return `${Math.min(100, Math.floor((done / Math.max(total, 1)) * 100))}%`;
}
