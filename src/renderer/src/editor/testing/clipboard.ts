/*
 * jsdom has no ClipboardEvent, DataTransfer or DragEvent. Lexical recognises clipboard
 * events by constructor name, so minimal stand-ins let a real `paste` event go through
 * Lexical's own paste pipeline (root listener → PASTE_COMMAND → HTML import → insertion).
 */

/** Clipboard contents by MIME type, as a paste event carries them. */
export class FakeDataTransfer {
  readonly files: File[] = [];
  constructor(private readonly data: Record<string, string>) {}
  get types(): string[] {
    return Object.keys(this.data);
  }
  getData(type: string): string {
    // As browsers do: `text` is text/plain.
    return this.data[type === 'text' ? 'text/plain' : type] ?? '';
  }
}

/** Defines ClipboardEvent and DragEvent where the DOM lacks them (call in beforeAll). */
export function installClipboardEvents(): void {
  const globals = globalThis as Record<string, unknown>;
  globals.ClipboardEvent ??= class ClipboardEvent extends Event {
    clipboardData: FakeDataTransfer | null;
    constructor(type: string, init: EventInit & { clipboardData?: FakeDataTransfer } = {}) {
      super(type, init);
      this.clipboardData = init.clipboardData ?? null;
    }
  };
  globals.DragEvent ??= class DragEvent extends Event {};
}

/** Dispatches a paste of `data` (MIME type → text) on `target`. */
export function paste(target: HTMLElement, data: Record<string, string>): void {
  target.dispatchEvent(
    new ClipboardEvent('paste', {
      bubbles: true,
      cancelable: true,
      clipboardData: new FakeDataTransfer(data),
    } as EventInit),
  );
}
