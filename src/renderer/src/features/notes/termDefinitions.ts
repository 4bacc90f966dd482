import type { NotebookClient } from '@shared/api/createClient';
import type { Preferences } from '@shared/api/NotebookApi';
import { decodeTermsFound, type TermCard } from '@shared/domain/terms';
import { definitionsOffIn, withDefinitions } from '@shared/terms/noteDefinitions';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { TermDefinitionsHost } from '../../editor/terms/termDefinitionsHost';
import { useCommands } from '../../ui/commands/useCommands';

type Switch = NonNullable<Preferences['termDefinitions']>;

/**
 * The global switch of definitions in notes (Preferences.termDefinitions), shared by every
 * view: read once from the backend, changed through it. Null until read.
 */
class DefinitionsPreference {
  private value: Switch | null = null;
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): Switch | null => this.value;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  load(api: NotebookClient): void {
    this.loading ??= api.getPreferences().then(
      (preferences) => this.set(preferences.termDefinitions ?? 'on'),
      () => {
        this.loading = null;
        this.set('on');
      },
    );
  }

  async change(api: NotebookClient, value: Switch): Promise<void> {
    this.set(value);
    const stored = await api.updatePreferences({ patch: { termDefinitions: value } });
    this.set(stored.termDefinitions ?? 'on');
  }

  private set(value: Switch): void {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }
}

export const definitionsPreference = new DefinitionsPreference();

export interface TermDefinitionsOptions {
  api: NotebookClient;
  notePath: string;
  frontMatter: string;
  eol: string;
  readOnly: boolean;
  editFrontMatter(frontMatter: string): void;
  openBeside(card: TermCard): void;
  open(card: TermCard): void;
  onNotice(message: string): void;
}

/**
 * Definitions of glossary terms in an open note: the editor's host when they are on
 * (globally and for this note), undefined when off; and the commands that switch them
 * ("Turn definitions in notes off/on", "Turn definitions off/on for this note", the latter
 * through the note's `definitions` property: shared/terms/noteDefinitions.ts).
 */
export function useTermDefinitions(options: TermDefinitionsOptions): TermDefinitionsHost | undefined {
  const { api, notePath } = options;
  useEffect(() => definitionsPreference.load(api), [api]);
  const global = useSyncExternalStore(definitionsPreference.subscribe, definitionsPreference.get);
  const noteOff = definitionsOffIn(options.frontMatter);

  // The host outlives renders: its buttons reach the latest callbacks through this ref.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const host = useMemo<TermDefinitionsHost>(
    () => ({
      findTermsInBlocks: async (blocks) => decodeTermsFound(await api.findTermsInBlocks({ blocks })),
      describeTerms: (ids) => api.describeTerms({ ids, from: notePath }),
      openBeside: (card) => latest.current.openBeside(card),
      open: (card) => latest.current.open(card),
    }),
    [api, notePath],
  );

  const setForNote = (on: boolean) => {
    try {
      options.editFrontMatter(withDefinitions(options.frontMatter, on, options.eol));
    } catch (error) {
      options.onNotice(
        `Definitions could not be turned ${on ? 'on' : 'off'} for this note: ${error instanceof Error ? error.message : error}`,
      );
    }
  };

  useCommands([
    {
      id: 'terms.toggleGlobal',
      title: global === 'off' ? 'Turn definitions in notes on' : 'Turn definitions in notes off',
      group: 'View',
      keywords: ['glossary', 'terms', 'underline', 'definitions'],
      when: () => global !== null,
      run: () => definitionsPreference.change(api, global === 'off' ? 'on' : 'off'),
    },
    {
      id: 'terms.toggleNote',
      title: noteOff ? 'Turn definitions on for this note' : 'Turn definitions off for this note',
      group: 'Note',
      keywords: ['glossary', 'terms', 'underline', 'definitions', 'property'],
      when: () => !options.readOnly,
      run: () => setForNote(noteOff),
    },
  ]);

  return global === 'on' && !noteOff ? host : undefined;
}
