/**
 * The call worker of the HTTP transport: serializes each call, sends it and reads the
 * answer off the page's main thread (see httpTransport).
 */
import { answerCall, type WorkerCallMessage } from './httpCall';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerCallMessage>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  void answerCall(event.data).then((reply) => scope.postMessage(reply));
};

// Tells the page that calls can come here now (until then it sends them itself).
scope.postMessage({ started: true });
