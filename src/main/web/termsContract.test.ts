import { describe, expect, it } from 'vitest';
import type { Envelope } from '@shared/api/envelope';
import type { ImportResult } from '@shared/domain/packs';
import {
  decodeTermsFound,
  MAX_TERM_BLOCK_CHARS,
  MAX_TERM_BLOCKS,
  type TermCard,
  type TermsFound,
} from '@shared/domain/terms';
import { contractSuite, openTestNotebook } from '../testing/contractSuite';
import { type ContractTarget, valueOf } from '../testing/contractTargets';
import { tempDirs } from '../testing/tempDirs';

/** The term methods of the contract (#17's definitions in notes), over the dispatcher and the HTTP host. */
const dirs = tempDirs();
const suite = contractSuite(async () => {
  const service = await openTestNotebook(dirs.make(), dirs.make());
  return {
    service,
    close: async () => {
      await service.close();
      dirs.cleanup();
    },
  };
});

async function importTsv(target: ContractTarget, name: string, tsv: string): Promise<ImportResult> {
  const { uploadId } = valueOf<{ uploadId: string }>(
    await target.call('startPackUpload', { name: 't.tsv', kind: 'file' }),
  );
  valueOf(
    await target.call('appendPackUpload', { uploadId, path: 't.tsv', data: Buffer.from(tsv).toString('base64') }),
  );
  return valueOf<ImportResult>(await target.call('importPack', { uploadId, name }));
}

function error(envelope: Envelope) {
  expect(envelope.ok).toBe(false);
  return (envelope as Extract<Envelope, { ok: false }>).error;
}

describe.each(suite.targets)('the term methods over the $name', (target) => {
  it('finds the first occurrence of each term per block, homonyms together, noisy names left out, and describes them', async () => {
    const name = `Shores ${target.name}`;
    const { pack } = await importTsv(
      target,
      name,
      'Bank\tThe land alongside a river.\nbank\tA place that keeps money.\nThe\tThe definite article.\n' +
        'Synaptic cleft\tThe gap between two neurons.\n',
    );
    try {
      const text = 'The bank of the river, the synaptic clefts, and the Bank again.';
      const answer = valueOf<TermsFound>(
        await target.call('findTermsInBlocks', { blocks: [text, '', 'no terms here'] }),
      );
      // Each id once, however many occurrences name it.
      expect(new Set(answer.ids).size).toBe(answer.ids.length);
      const blocks = decodeTermsFound(answer);
      expect(blocks).toHaveLength(3);
      const found = blocks[0]!;
      const words = found.map((hit) => text.slice(hit.start, hit.end));
      // "bank" once (its second occurrence is not the first), "The" never: a stop word.
      expect(words).toContain('bank');
      expect(words).toContain('synaptic clefts');
      expect(words).not.toContain('The');
      expect(words.filter((word) => word.toLowerCase() === 'bank')).toHaveLength(1);
      const bank = found.find((hit) => text.slice(hit.start, hit.end) === 'bank')!;
      expect(bank.entryIds).toHaveLength(2);
      expect(blocks[1]).toEqual([]);

      const cards = valueOf<TermCard[]>(
        await target.call('describeTerms', { ids: [...bank.entryIds, 'no-such-entry'] }),
      );
      expect(cards.map((card) => [card.title, card.packName, card.text])).toEqual([
        ['Bank', name, 'The land alongside a river.'],
        ['bank', name, 'A place that keeps money.'],
      ]);
      // Two entries share the title: the link names the pack.
      for (const card of cards) expect(card.target).not.toBe(card.title);
    } finally {
      valueOf(await target.call('removePack', { id: pack.id }));
    }
    // The removed pack's terms are gone once the matcher is rebuilt.
    const blocks = decodeTermsFound(
      valueOf<TermsFound>(await target.call('findTermsInBlocks', { blocks: ['the synaptic cleft'] })),
    );
    expect(blocks[0]!.every((hit) => !hit.entryIds.some((id) => id.includes('synaptic')))).toBe(true);
  });

  it('bounds the number and the size of blocks and the ids described', async () => {
    const tooMany = Array.from({ length: MAX_TERM_BLOCKS + 1 }, () => 'a');
    expect(error(await target.call('findTermsInBlocks', { blocks: tooMany })).code).toBe('invalid-arguments');
    const tooLong = 'x'.repeat(MAX_TERM_BLOCK_CHARS + 1);
    expect(error(await target.call('findTermsInBlocks', { blocks: [tooLong] })).code).toBe('invalid-arguments');
    expect(error(await target.call('findTermsInBlocks', { blocks: [1] })).code).toBe('invalid-arguments');
    expect(error(await target.call('findTermsInBlocks', {})).code).toBe('invalid-arguments');
    expect(error(await target.call('describeTerms', { ids: ['../x'] })).code).toBe('invalid-arguments');
    expect(error(await target.call('describeTerms', { ids: Array(51).fill('a') })).code).toBe('invalid-arguments');
  });

  it('keeps the global switch in the preferences', async () => {
    expect(valueOf(await target.call('updatePreferences', { patch: { termDefinitions: 'off' } }))).toMatchObject({
      termDefinitions: 'off',
    });
    expect(valueOf(await target.call('getPreferences', {}))).toMatchObject({ termDefinitions: 'off' });
    expect(error(await target.call('updatePreferences', { patch: { termDefinitions: 'maybe' } })).code).toBe(
      'invalid-arguments',
    );
    valueOf(await target.call('updatePreferences', { patch: { termDefinitions: 'on' } }));
  });
});
