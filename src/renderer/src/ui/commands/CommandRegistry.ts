import { matchesShortcut, type Shortcut } from '../shortcuts';

/**
 * Something the user can do by name: listed in the command palette with its shortcut, run
 * by that shortcut anywhere in the app, or run from code by id.
 */
export interface Command {
  /** Stable and namespaced, e.g. "note.new", "editor.bold". */
  id: string;
  /** What the palette shows, in sentence case: "New note". */
  title: string;
  /** The palette's category, shown before the title: "Note", "Format", "Go". */
  group?: string;
  /** The key combination shown in the palette and, unless `bindShortcut` is false, matched. */
  shortcut?: Shortcut;
  /** Other combinations that run it (e.g. Mod+P beside Mod+O); shown after the main one. */
  alternativeShortcuts?: readonly Shortcut[];
  /**
   * false when another part of the app handles the keys itself (the editor's formatting
   * shortcuts): the palette still shows the shortcut, the dispatcher leaves the key alone.
   * Default true.
   */
  bindShortcut?: boolean;
  /** More words the palette filter matches ("find" for Search). */
  keywords?: readonly string[];
  /** Whether the command applies right now (default: always). If not, it is hidden and its shortcut does nothing. */
  when?(): boolean;
  run(): void | Promise<unknown>;
}

/**
 * The app's commands (VS Code's CommandsRegistry, in small). Components add theirs for as
 * long as they are mounted (see useCommands); the palette lists them; one keydown listener
 * (installShortcutDispatcher) runs them by shortcut.
 *
 * Registering an id that is already registered shadows the earlier command until the later
 * registration is removed, so a focused view can take over a global command.
 */
export class CommandRegistry {
  private readonly stacks = new Map<string, Command[]>();
  private readonly listeners = new Set<() => void>();
  /** The commands in the palette's order, sorted when first asked for after a change. */
  private snapshot: readonly Command[] | null = [];
  private recent: readonly string[] = [];

  /** Adds commands; returns the function that removes exactly these registrations. */
  register(commands: Command | readonly Command[]): () => void {
    const added = Array.isArray(commands) ? [...(commands as readonly Command[])] : [commands as Command];
    for (const command of added) {
      const stack = this.stacks.get(command.id) ?? [];
      stack.push(command);
      this.stacks.set(command.id, stack);
    }
    this.changed();
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      for (const command of added) {
        const stack = this.stacks.get(command.id);
        const index = stack?.lastIndexOf(command) ?? -1;
        if (!stack || index < 0) continue;
        stack.splice(index, 1);
        if (stack.length === 0) this.stacks.delete(command.id);
      }
      this.changed();
    };
  }

  /** The command registered under `id` (the latest registration), available or not. */
  get(id: string): Command | undefined {
    const stack = this.stacks.get(id);
    return stack?.[stack.length - 1];
  }

  /** Every registered command, by group then title. The same array until something changes. */
  list(): readonly Command[] {
    return (this.snapshot ??= sortedCommands([...this.stacks.values()].map((stack) => stack[stack.length - 1]!)));
  }

  /** The commands that apply right now. */
  available(): Command[] {
    return this.list().filter(isAvailable);
  }

  /** Ids of the commands last run from the palette, newest first (it lists them first). */
  recentlyUsed(): readonly string[] {
    return this.recent;
  }

  /**
   * Runs a command if it is registered and applies now. Returns whether it ran. A rejected
   * promise or a throw is reported on the console, never thrown at the caller (a keydown
   * handler or the palette). With `remember`, the command joins the palette's recently used.
   */
  run(id: string, options: { remember?: boolean } = {}): boolean {
    const command = this.get(id);
    if (!command || !isAvailable(command)) return false;
    if (options.remember) this.recent = [id, ...this.recent.filter((other) => other !== id)].slice(0, 20);
    try {
      const result = command.run();
      if (result instanceof Promise) result.catch((error: unknown) => console.error(`Command ${id} failed:`, error));
    } catch (error) {
      console.error(`Command ${id} failed:`, error);
    }
    return true;
  }

  /** The available command whose shortcut `event` is, if any. */
  commandForKey(event: KeyboardEvent, apple?: boolean): Command | undefined {
    return this.list().find(
      (command) =>
        command.bindShortcut !== false &&
        shortcutsOf(command).some((shortcut) => matchesShortcut(event, shortcut, apple)) &&
        isAvailable(command),
    );
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    // Sorted when next read (the palette, a shortcut), not once per registration: the
    // first screen registers its commands one view at a time.
    this.snapshot = null;
    for (const listener of this.listeners) listener();
  }
}

let byName: Intl.Collator | undefined;

/**
 * By group, then title, ignoring case and accents. One collator, made when first needed:
 * `localeCompare` with options makes one per comparison, and a page's first makes it load
 * ICU's data (11 ms of the first screen's effects when it sorted at each registration).
 */
function sortedCommands(commands: Command[]): Command[] {
  const compare = (byName ??= new Intl.Collator(undefined, { sensitivity: 'base' })).compare;
  return commands.sort((a, b) => compare(a.group ?? '', b.group ?? '') || compare(a.title, b.title));
}

/** Every key combination of a command, the main one first. */
export function shortcutsOf(command: Command): Shortcut[] {
  return [...(command.shortcut ? [command.shortcut] : []), ...(command.alternativeShortcuts ?? [])];
}

function isAvailable(command: Command): boolean {
  try {
    return command.when?.() ?? true;
  } catch {
    return false;
  }
}

/**
 * The app's one registry. A module-level singleton like VS Code's, because commands come
 * from all over the component tree and the menu; tests make their own CommandRegistry and
 * pass it through CommandRegistryContext.
 */
export const appCommands = new CommandRegistry();
