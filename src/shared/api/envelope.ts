import type { ErrorCode } from './errors';

/** What every contract call returns across a process boundary: never a thrown error. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** The function both transports (IPC and HTTP) carry: a method name and one JSON argument. */
export type CallFunction = (method: string, args: unknown) => Promise<Envelope>;
