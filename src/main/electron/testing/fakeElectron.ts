import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of the `electron` module the shell uses, for unit tests on
 * machines without the Electron binary. Fakes record what the code under test did
 * (options passed, handlers installed) and let a test play the other side (fire an
 * event, invoke an IPC handler, answer a dialog).
 *
 * Use:
 *   vi.mock('electron', async () => (await import('./testing/fakeElectron')).fakeElectron);
 *   beforeEach(() => resetFakeElectron());
 *
 * `fakeElectron` is one object whose members `resetFakeElectron` replaces in place, so
 * modules that imported `{ app }` from 'electron' see the fresh fakes.
 */

let nextRoutingId = 1;

/** A fake WebFrameMain: URL, parent and ids are all the shell looks at. */
export class FakeFrame {
  readonly processId = 7;
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
    readonly routingId: number = nextRoutingId++,
  ) {}

  /** Another WebFrameMain object for the same frame, as Electron may hand out. */
  sameFrame(): FakeFrame {
    return new FakeFrame(this.url, this.parent, this.routingId);
  }

  get top(): FakeFrame {
    return this.parent ? this.parent.top : this;
  }
}

/** A fake `Event` with preventDefault, as Electron passes to event listeners. */
export class FakeEvent<T extends object = object> {
  defaultPrevented = false;
  constructor(params?: T) {
    Object.assign(this, params);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  readonly sent: unknown[][] = [];
  destroyed = false;
  readonly session: FakeSession;

  constructor(url = 'app://renderer/index.html', session: FakeSession = fakeElectron.session.defaultSession) {
    super();
    this.mainFrame = new FakeFrame(url);
    this.session = session;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  getType(): string {
    return 'window';
  }
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }

  readonly options: Record<string, unknown>;
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  visible = false;
  focused = false;
  minimized = false;
  maximized = false;
  fullScreen = false;
  destroyed = false;
  bounds: Rect;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 0,
      y: typeof options.y === 'number' ? options.y : 0,
      width: typeof options.width === 'number' ? options.width : 800,
      height: typeof options.height === 'number' ? options.height : 600,
    };
    FakeBrowserWindow.instances.push(this);
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }

  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  setFullScreen(value: boolean): void {
    this.fullScreen = value;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  getNormalBounds(): Rect {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Simulates the user closing the window: 'close', then 'closed'. */
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  headersReceivedListener:
    ((details: Record<string, unknown>, callback: (response: Record<string, unknown>) => void) => void) | null = null;

  readonly webRequest = {
    onHeadersReceived: (listener: FakeSession['headersReceivedListener']) => {
      this.headersReceivedListener = listener;
    },
  };

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

function createFakes() {
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    isReady: false,
    singleInstanceLock: true,
    paths: {
      userData: '/fake/userData',
      documents: '/fake/Documents',
    } as Record<string, string>,
    appPath: '/fake/app',
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    exit: vi.fn(),
    relaunch: vi.fn(),
    getVersion: () => '0.1.0',
    getName: () => 'Study Notebook',
    getAppPath(): string {
      return app.appPath;
    },
    getPath(name: string): string {
      const path = app.paths[name];
      if (!path) throw new Error(`fake app.getPath: no path for ${name}`);
      return path;
    },
    requestSingleInstanceLock: vi.fn((): boolean => app.singleInstanceLock),
    releaseSingleInstanceLock: vi.fn(),
    whenReady(): Promise<void> {
      return ready;
    },
    /** Test hook: fire 'ready' and resolve whenReady(). */
    becomeReady(): Promise<void> {
      app.isReady = true;
      resolveReady();
      app.emit('ready');
      return ready;
    },
  });

  const handlers = new Map<string, InvokeHandler>();
  const ipcMain = {
    handlers,
    handle: vi.fn((channel: string, handler: InvokeHandler) => {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => {
      handlers.delete(channel);
    }),
    /** Test hook: what ipcRenderer.invoke would do in the main process. */
    async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, ...args);
    },
  };

  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined),
  });

  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
      contextBridge.exposed.set(key, api);
    }),
  };

  const protocol = {
    privileged: [] as unknown[],
    handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
      if (app.isReady) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready');
      protocol.privileged.push(...schemes);
    }),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      if (!app.isReady) throw new Error('protocol.handle must be called after the app is ready');
      protocol.handlers.set(scheme, handler);
    }),
    unhandle: vi.fn((scheme: string) => {
      protocol.handlers.delete(scheme);
    }),
  };

  const session = { defaultSession: new FakeSession() };

  const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

  const dialog = {
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showErrorBox: vi.fn((_title: string, _content: string) => undefined),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  };

  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });

  const screen = {
    displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
    getAllDisplays(): { id: number; workArea: Rect }[] {
      return screen.displays;
    },
  };

  const Menu = {
    current: null as unknown,
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn((menu: unknown) => {
      Menu.current = menu;
    }),
  };

  FakeBrowserWindow.instances = [];
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge,
    protocol,
    session,
    shell,
    dialog,
    nativeTheme,
    screen,
    Menu,
  };
}

export type FakeElectron = ReturnType<typeof createFakes>;

/** The fake `electron` module: pass it to vi.mock('electron', …). */
export const fakeElectron: FakeElectron = createFakes();

/** Replaces every fake with a fresh one (call in beforeEach). */
export function resetFakeElectron(): FakeElectron {
  return Object.assign(fakeElectron, createFakes());
}

/** A fake IpcMainInvokeEvent as Electron would pass for a call from `frame` of `contents`. */
export function fakeInvokeEvent(contents: FakeWebContents, frame: FakeFrame | null = contents.mainFrame) {
  return { sender: contents, senderFrame: frame, frameId: 1, processId: 1 };
}
