import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import { appCommands, type Command, type CommandRegistry } from './CommandRegistry';
import { installShortcutDispatcher } from './shortcutDispatcher';

/** The registry components register into: the app's own unless a test provides another. */
export const CommandRegistryContext = createContext<CommandRegistry>(appCommands);

export function useCommandRegistry(): CommandRegistry {
  return useContext(CommandRegistryContext);
}

/** What identifies a registration; `run` and `when` may change on every render without re-registering. */
function signatureOf(commands: readonly Command[]): string {
  return JSON.stringify(
    commands.map(({ id, title, group, shortcut, alternativeShortcuts, bindShortcut, keywords }) => [
      id,
      title,
      group,
      shortcut,
      alternativeShortcuts,
      bindShortcut,
      keywords,
    ]),
  );
}

/**
 * Registers `commands` for as long as the calling component is mounted.
 *
 * Pass a fresh array on every render if you like: `run` and `when` always call the latest
 * closures, and the registry is only touched when an id, title, group, shortcut or keyword
 * changes.
 *
 * ```tsx
 * useCommands([
 *   { id: 'links.showBacklinks', title: 'Show backlinks', group: 'View', shortcut: ['Mod', 'Shift', 'B'],
 *     when: () => doc !== null, run: () => setBacklinksOpen(true) },
 * ]);
 * ```
 */
export function useCommands(commands: readonly Command[]): void {
  const registry = useCommandRegistry();
  const latest = useRef(commands);
  useLayoutEffect(() => {
    latest.current = commands;
  });
  const signature = signatureOf(commands);
  useEffect(() => {
    const find = (id: string) => latest.current.find((command) => command.id === id);
    const proxies = latest.current.map((command): Command => ({
      ...command,
      run: () => find(command.id)?.run(),
      when: () => {
        const now = find(command.id);
        return now !== undefined && (now.when?.() ?? true);
      },
    }));
    return registry.register(proxies);
    // The signature stands for the registration-relevant parts of `commands`.
  }, [registry, signature]);
}

/** Every registered command, re-rendering when the set changes. */
export function useCommandList(): readonly Command[] {
  const registry = useCommandRegistry();
  const subscribe = useCallback((listener: () => void) => registry.subscribe(listener), [registry]);
  const list = useCallback(() => registry.list(), [registry]);
  return useSyncExternalStore(subscribe, list, list);
}

/** Installs the one global keydown listener for command shortcuts (mount it once, in the shell). */
export function useShortcutDispatcher(): void {
  const registry = useCommandRegistry();
  useEffect(() => installShortcutDispatcher(registry), [registry]);
}
