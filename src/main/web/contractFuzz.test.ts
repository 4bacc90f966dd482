import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '@shared/api/createDispatcher';
import type { Envelope } from '@shared/api/envelope';
import { methodNames } from '@shared/api/methods';
import type { MethodName } from '@shared/api/NotebookApi';
import { openNotebook, type NotebookService } from '../notebook/openNotebook';
import { callOverHttp } from '../testing/contractTargets';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import { startHttpHost, type HttpHost } from './startHttpHost';

/**
 * Hostile and random calls to every contract method: each must be answered with an
 * envelope (refused cleanly or served), the backend must keep running, nothing outside
 * the vault may be read into a reply or written, and the glossary must stay as shipped.
 */
const CALLS_PER_METHOD = 1000;
const dirs = tempDirs();
let base: string;
let vaultPath: string;
let siblingPath: string;
let service: NotebookService;
let host: HttpHost;
let call: (method: unknown, args: unknown) => Promise<Envelope>;
const SECRET = 'SIBLING-SECRET-7f3a9';

/** Every file and folder under `dir` (links not followed) with a hash of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const abs = join(entry.parentPath, entry.name);
    const rel = abs.slice(dir.length + 1);
    if (entry.isSymbolicLink()) out[rel] = 'link';
    else if (entry.isFile()) out[rel] = createHash('sha256').update(readFileSync(abs)).digest('hex');
    else out[rel] = `dir ${statSync(abs).mode}`;
  }
  return out;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b.md',
  '../x.md',
  '../../sibling/Secret.md',
  '../sibling/Secret.md',
  'Leak.md',
  'LinkedDir/Secret.md',
  'LinkedDir/new.md',
  '/etc/passwd',
  '/etc/passwd.md',
  'C:\\Windows\\win.ini',
  'C:/x.md',
  '\\\\server\\share\\x.md',
  'CON.md',
  'nul.md',
  'COM1',
  'LPT9.txt.md',
  'a/../../x.md',
  '.obsidian/x.md',
  '.trash/x.md',
  'x.md ',
  'x.md.',
  'gaba-glutamate-ratio',
  'gaba-glutamate-ratio.md',
  'GABA Glutamate Ratio',
  '../resources/glossary/entries/gaba-glutamate-ratio.md',
  '%2e%2e%2fx.md',
  '..%5cx.md',
  'x'.repeat(5000),
  `${'a/'.repeat(600)}x.md`,
  '[[x]]',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>.md',
  '\u202e\u0000.md',
  '🧠.md',
  'constructor',
  '__proto__',
  'toString',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE_STRINGS).map((s) => `${s}.md`),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileString, { maxLength: 3 }),
  fc.record(
    { kind: fc.constantFrom('entry', 'note', 'x'), id: hostileString, path: hostileString },
    { requiredKeys: [] },
  ),
);

const FIELDS = [
  'path',
  'title',
  'folder',
  'content',
  'baseVersion',
  'id',
  'patch',
  'query',
  'limit',
  'scope',
  'target',
  'targets',
  'from',
  'ref',
  'mentions',
  'updateLinks',
];

/** Arguments a careless or malicious caller might send: random JSON, hostile fields, near-valid shapes. */
const hostileArgs: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 4 }),
  fc.record({ path: hostileString, content: fc.string({ maxLength: 200 }), baseVersion: fc.constant(null) }),
  fc.record({ path: hostileString, title: hostileString }),
  fc.record({ ref: fc.record({ kind: fc.constantFrom('entry', 'note'), id: hostileString }) }),
  fc.record({ ref: fc.record({ kind: fc.constant('note'), path: hostileString }) }),
  fc.record({ patch: fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 3 }) }),
);

beforeAll(async () => {
  base = dirs.make('contract-fuzz-');
  vaultPath = join(base, 'vault');
  siblingPath = join(base, 'sibling');
  mkdirSync(vaultPath);
  mkdirSync(siblingPath);
  writeFileSync(join(siblingPath, 'Secret.md'), `${SECRET}\n`);
  symlinkSync(join(siblingPath, 'Secret.md'), join(vaultPath, 'Leak.md'));
  symlinkSync(siblingPath, join(vaultPath, 'LinkedDir'));
  writeFileSync(join(vaultPath, 'Cells.md'), '# Cells\n\nThe [[GABA Glutamate Ratio]] matters.\n');
  service = await openNotebook(
    { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir: join(base, 'state'), host: 'web', appVersion: '0-fuzz' },
    { watch: { pollIntervalMs: 0 }, log: () => undefined },
  );
  const rendererDir = dirs.make();
  host = await startHttpHost({ service, rendererDir });
  call = createDispatcher(service, { onInternalError: () => undefined });
});

afterAll(async () => {
  await host?.close();
  await service?.close();
  dirs.cleanup();
});

function expectEnvelope(envelope: Envelope): void {
  expect(typeof envelope.ok).toBe('boolean');
  if (!envelope.ok) {
    expect(typeof envelope.error.code).toBe('string');
    expect(typeof envelope.error.message).toBe('string');
  }
  // Nothing outside the vault ever reaches a reply.
  expect(JSON.stringify(envelope)).not.toContain(SECRET);
}

// openVault too: the page can only switch to a vault the user opened or named, so no
// hostile path (the sibling, /etc, `~`, `..`) may move the session anywhere.
const FUZZED: MethodName[] = methodNames;

describe('the contract under hostile calls', () => {
  it(`answers ${CALLS_PER_METHOD} random and hostile calls per method with envelopes, touching nothing outside the vault`, async () => {
    const glossaryBefore = fingerprint(SHIPPED_GLOSSARY);
    const siblingBefore = fingerprint(siblingPath);
    const stateBefore = new Set(readdirSync(base));

    for (const method of FUZZED) {
      await fc.assert(
        fc.asyncProperty(hostileArgs, async (args) => {
          expectEnvelope(await call(method, args));
        }),
        { numRuns: CALLS_PER_METHOD, seed: 20261121 },
      );
    }
    for (const args of [{ path: 42 }, { path: '' }, { path: '\u0000' }, {}, null, [], { path: siblingPath }]) {
      expectEnvelope(await call('openVault', args));
    }

    // The backend keeps running, over both transports.
    expect(await call('listEntries', null)).toMatchObject({ ok: true });
    expect(await callOverHttp(host, 'listNotes', null)).toMatchObject({ ok: true });
    expect(await call('getAppInfo', null)).toMatchObject({ ok: true, value: { vaultPath } });
    // Nothing outside the vault was written, and the glossary is as shipped.
    expect(fingerprint(siblingPath)).toEqual(siblingBefore);
    expect(fingerprint(SHIPPED_GLOSSARY)).toEqual(glossaryBefore);
    expect(new Set(readdirSync(base))).toEqual(stateBefore);
  }, 600_000);

  it('refuses every write aimed at a glossary entry', async () => {
    const glossaryBefore = fingerprint(SHIPPED_GLOSSARY);
    const id = 'gaba-glutamate-ratio';
    const writes: Array<[MethodName, unknown]> = [
      ['saveNote', { path: id, content: 'x', baseVersion: null }],
      ['saveNote', { path: `${id}.md`.replace('.md', ''), content: 'x', baseVersion: null }],
      ['renameNote', { path: id, title: 'x' }],
      ['deleteNote', { path: id }],
      ['discardDraft', { path: id }],
      ['linkMentions', { path: id, ref: { kind: 'entry', id }, mentions: [] }],
      ['createNote', { folder: '../resources/glossary/entries', title: 'x' }],
      ['saveNote', { path: `../resources/glossary/entries/${id}.md`, content: 'x', baseVersion: null }],
    ];
    for (const [method, args] of writes) {
      const result = await call(method, args);
      expect(result, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false });
    }
    expect(fingerprint(SHIPPED_GLOSSARY)).toEqual(glossaryBefore);
  });
});
