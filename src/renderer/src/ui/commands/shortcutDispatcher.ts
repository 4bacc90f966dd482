import type { CommandRegistry } from './CommandRegistry';

/** True for fields that take typed text: inputs, text areas, selects, contenteditable. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image'].includes(target.type);
  }
  return false;
}

/**
 * A modal dialog is open that does not let this command through. Dialogs list the ids of
 * the commands they allow in `data-allows-commands` (space-separated): the pickers allow
 * switching to each other; questions and forms allow none.
 */
function blockedByModal(document: Document, id: string): boolean {
  return [...document.querySelectorAll('dialog[open]')].some(
    (dialog) => !(dialog.getAttribute('data-allows-commands') ?? '').split(/\s+/).includes(id),
  );
}

/**
 * Runs the command bound to a keydown, if any, and says whether it did. Rules:
 * - a key something else already handled (`defaultPrevented`, e.g. the editor's Mod+K) or
 *   an IME composition is left alone;
 * - a shortcut without Ctrl, ⌘ or Alt (a plain key) never fires while typing in a field;
 * - behind a modal dialog, only the commands it lists in `data-allows-commands` run (the
 *   pickers let Mod+O and Mod+Shift+P switch between them);
 * - a matched key is consumed (preventDefault), so the browser's own meaning of Ctrl+P or
 *   Ctrl+O does not also happen. (The desktop menu shows these shortcuts without registering
 *   them: this dispatcher is their one handler there too.)
 */
export function dispatchShortcut(registry: CommandRegistry, event: KeyboardEvent, apple?: boolean): boolean {
  if (event.defaultPrevented || event.isComposing || event.key === 'Process') return false;
  const command = registry.commandForKey(event, apple);
  if (!command) return false;
  const chord = event.ctrlKey || event.metaKey || event.altKey;
  if (!chord && isTextField(event.target)) return false;
  const document = (event.target instanceof Node && event.target.ownerDocument) || globalThis.document;
  if (document && blockedByModal(document, command.id)) return false;
  event.preventDefault();
  // Holding a shortcut down must not create a note per repeat.
  if (event.repeat) return true;
  return registry.run(command.id);
}

/**
 * Installs the app's one keydown listener for command shortcuts on `target` (the window).
 * It listens in the bubbling phase, so focused widgets (the editor, dialogs, fields) see
 * their keys first and can claim them. Returns the cleanup.
 */
export function installShortcutDispatcher(registry: CommandRegistry, target: Window = window): () => void {
  const onKeyDown = (event: KeyboardEvent) => void dispatchShortcut(registry, event);
  target.addEventListener('keydown', onKeyDown);
  return () => target.removeEventListener('keydown', onKeyDown);
}
