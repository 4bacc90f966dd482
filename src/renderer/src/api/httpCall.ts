import type { Envelope } from '@shared/api/envelope';

/** One contract call to the HTTP host: a method name and its one JSON argument. */
export interface HttpCallRequest {
  /** Where the host is: '' for the origin that served the page. */
  base: string;
  method: string;
  args: unknown;
}

/**
 * Sends one call to the HTTP host and returns its envelope. The page's session travels in
 * its HttpOnly cookie, which the browser adds to same-origin requests (from the page and
 * from its workers alike): no script holds a credential.
 *
 * @throws Error when the host cannot be reached or answers without a JSON envelope.
 */
export async function postCall({ base, method, args }: HttpCallRequest): Promise<Envelope> {
  const response = await fetch(`${base}/api/call`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  if (!(response.headers.get('Content-Type') ?? '').includes('application/json')) {
    throw new Error(`The backend answered ${response.status} without a result.`);
  }
  return (await response.json()) as Envelope;
}

/** A call as posted to the call worker. */
export interface WorkerCallMessage extends HttpCallRequest {
  id: number;
}

/**
 * The call worker's messages: `started` once, when its script has run (it takes calls from
 * then on); then for each call its envelope, or why the call did not reach the host.
 */
export type WorkerReplyMessage =
  { started: true } | { id: number; envelope: Envelope } | { id: number; failure: string };

/** What the call worker does with each message (see httpCallWorker). */
export async function answerCall(message: WorkerCallMessage): Promise<WorkerReplyMessage> {
  try {
    return { id: message.id, envelope: await postCall(message) };
  } catch (error) {
    return { id: message.id, failure: error instanceof Error ? error.message : String(error) };
  }
}
