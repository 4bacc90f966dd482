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

/** The host's answer to POST /api/calls: one envelope per call, in order. */
interface BatchAnswer {
  envelopes: Envelope[];
}

/**
 * Sends several calls in one request (POST /api/calls) and returns their envelopes, in
 * order. A refusal of the whole request (no session: one envelope, not a list) is every
 * call's answer.
 *
 * @throws Error when the host cannot be reached or answers without JSON.
 */
export async function postCalls(base: string, calls: readonly HttpCallRequest[]): Promise<Envelope[]> {
  const response = await fetch(`${base}/api/calls`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ calls: calls.map(({ method, args }) => ({ method, args })) }),
  });
  if (!(response.headers.get('Content-Type') ?? '').includes('application/json')) {
    throw new Error(`The backend answered ${response.status} without a result.`);
  }
  const answer = (await response.json()) as BatchAnswer | Envelope;
  if ('envelopes' in answer && Array.isArray(answer.envelopes) && answer.envelopes.length === calls.length) {
    return answer.envelopes;
  }
  if ('ok' in answer) return calls.map(() => answer);
  throw new Error('The backend answered a batch of calls with something else.');
}

/**
 * Sends the calls made in one go (in the same task, e.g. the first screen's five, or the
 * views' own once mounted) as one request instead of one each: every `fetch` costs the
 * page's main thread a few milliseconds before the first screen is painted (issue #15).
 * A call made alone is sent as before (POST /api/call). `flush` sends the calls gathered so
 * far at once, instead of when the current task's microtasks run.
 */
export function batchingPoster(): BatchingPoster {
  let queue: Array<{ request: HttpCallRequest; resolve(e: Envelope): void; reject(e: unknown): void }> = [];
  const flush = () => {
    const batch = queue;
    queue = [];
    for (let start = 0; start < batch.length; start += MAX_BATCH) {
      const part = batch.slice(start, start + MAX_BATCH);
      const first = part[0]!;
      if (part.length === 1) {
        postCall(first.request).then(first.resolve, first.reject);
        continue;
      }
      // One transport's calls, so one host (`base`).
      postCalls(
        first.request.base,
        part.map((item) => item.request),
      ).then(
        // postCalls checked there is one envelope per call.
        (envelopes) => part.forEach((item, index) => item.resolve(envelopes[index]!)),
        (error: unknown) => part.forEach((item) => item.reject(error)),
      );
    }
  };
  const post = (request: HttpCallRequest) =>
    new Promise<Envelope>((resolve, reject) => {
      if (queue.length === 0) queueMicrotask(flush);
      queue.push({ request, resolve, reject });
    });
  return Object.assign(post, { flush });
}

/** Posts a call, gathered with the others made in the same task; `flush` sends them now. */
export type BatchingPoster = ((request: HttpCallRequest) => Promise<Envelope>) & { flush(): void };

/** The most calls in one batch: the host's limit (MAX_BATCH_CALLS in startHttpHost). */
const MAX_BATCH = 32;

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
