import { createDispatcher } from '@shared/api/createDispatcher';
import type { Envelope } from '@shared/api/envelope';
import type { NotebookService } from '../notebook/openNotebook';
import type { HttpHost } from '../web/startHttpHost';
import { sessionHeaders } from './httpSession';
import { rawRequest } from './rawRequest';

/** One way the contract is served, for suites that must pass over every transport. */
export interface ContractTarget {
  name: string;
  call(method: unknown, args: unknown): Promise<Envelope>;
}

/** Calls one HTTP host's API the way the browser build does (session cookie, Host, JSON). */
export async function callOverHttp(host: HttpHost, method: unknown, args: unknown): Promise<Envelope> {
  const res = await rawRequest(host.port, {
    method: 'POST',
    path: '/api/call',
    headers: { ...(await sessionHeaders(host)), 'Content-Type': 'application/json' },
    body: JSON.stringify({ method, args }),
  });
  return JSON.parse(res.body) as Envelope;
}

/**
 * The in-process dispatcher and the HTTP host over the same service. The getters are read
 * at call time, so suites can create the service and host in beforeAll.
 */
export function contractTargets(service: () => NotebookService, host: () => HttpHost): ContractTarget[] {
  return [
    { name: 'in-process dispatcher', call: (method, args) => createDispatcher(service())(method, args) },
    { name: 'HTTP host', call: (method, args) => callOverHttp(host(), method, args) },
  ];
}

/** The value of an ok envelope; throws with the error's code and message otherwise. */
export function valueOf<T>(envelope: Envelope): T {
  if (!envelope.ok) throw new Error(`call failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}
