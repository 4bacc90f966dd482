import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocRef } from '@shared/domain/docRef';
import type { NotebookService } from '../openNotebook';
import { docKey } from './indexDocs';
import { openFixtureNotebook } from './testing/fixtureVault';

/**
 * The judged query set: what a student would type, and the document they want first.
 * Mean reciprocal rank over the set is asserted above a threshold set from measurement,
 * so a ranking regression fails CI. Queries cover titles, aliases, headings, body text,
 * typing prefixes, typos, compounds, phrases, filters and glossary entries.
 */
const note = (path: string): DocRef => ({ kind: 'note', path });
const entry = (id: string): DocRef => ({ kind: 'entry', id });

const JUDGED: Array<{ query: string; want: DocRef }> = [
  { query: 'action potential', want: note('Neuro/Action Potential.md') },
  { query: 'gaba glutamate ratio', want: entry('gaba-glutamate-ratio') },
  { query: 'GABA/glutamate', want: entry('gaba-glutamate-ratio') },
  { query: 'glutamte excitotoxicity', want: note('Neuro/Glutamate Excitotoxicity.md') },
  { query: 'krebs', want: note('Biology/Krebs Cycle.md') },
  { query: 'citric acid cycle', want: note('Biology/Krebs Cycle.md') },
  { query: 'TCA', want: note('Biology/Krebs Cycle.md') },
  { query: 'LTP', want: note('Neuro/Long-Term Potentiation.md') },
  { query: 'long term potentiation', want: note('Neuro/Long-Term Potentiation.md') },
  { query: 'blood brain barrier', want: note('Neuro/Blood-Brain Barrier.md') },
  { query: 'myelin', want: note('Neuro/Myelination.md') },
  { query: 'nernst', want: note('Chemistry/Nernst Equation.md') },
  { query: 'ssri', want: note('Pharmacology/SSRIs.md') },
  { query: 'selective serotonin reuptake', want: note('Pharmacology/SSRIs.md') },
  { query: 'benzo', want: note('Pharmacology/Benzodiazepines.md') },
  { query: 'neurochemical balance', want: entry('neurochemical-balance-state') },
  { query: 'neurotransmitter balance metrics', want: entry('neurotransmitter-balance-metrics') },
  { query: 'optimized balance', want: entry('optimized-neurotransmitter-balance') },
  { query: 'cortisol stress axis', want: note('Neuro/HPA Axis.md') },
  { query: 'henderson hasselbalch', want: note('Chemistry/Buffers and pH.md') },
  { query: 'oxidative phosphorylation', want: note('Biology/Mitochondria.md') },
  { query: 'helicase', want: note('Biology/DNA Replication.md') },
  { query: 'michaelis menten', want: note('Biology/Enzyme Kinetics.md') },
  { query: 'mesolimbic reward', want: note('Neuro/Dopamine Pathways.md') },
  { query: 'astrocytes', want: note('Neuro/Glial Cells.md') },
  { query: 'rem sleep', want: note('Neuro/Sleep Architecture.md') },
  { query: 'memory consolidation hippocampus', want: note('Neuro/Hippocampus and Memory.md') },
  { query: '5-HT2A', want: note('Neuro/Serotonin and Mood.md') },
  { query: 'sodium potassium pump', want: note('Neuro/Resting Membrane Potential.md') },
  { query: 'exam plan', want: note('Study/Exam Plan.md') },
  { query: 'ramon y cajal', want: note('Neuro/Neuroplasticity.md') },
  { query: 'in:glossary balance science', want: entry('neurotransmitter-balance-science') },
  { query: 'tag:pharmacology agonist', want: note('Pharmacology/Receptor Agonists and Antagonists.md') },
  { query: '"inverse agonist"', want: note('Pharmacology/Receptor Agonists and Antagonists.md') },
  { query: 'excitotox', want: note('Neuro/Glutamate Excitotoxicity.md') },
  { query: 'redox', want: note('Chemistry/Redox Reactions.md') },
  { query: 'glycolys', want: note('Biology/Glycolysis.md') },
  { query: 'photosynth', want: note('Biology/Photosynthesis.md') },
  { query: 'meiosis crossing over', want: note('Biology/Mitosis vs Meiosis.md') },
  { query: 'endocrine hormones', want: note('Biology/Hormones and the Endocrine System.md') },
  { query: 'neuroplastcity', want: note('Neuro/Neuroplasticity.md') },
  { query: 'serotonin', want: note('Neuro/Serotonin and Mood.md') },
  { query: 'zwitterion', want: note('Chemistry/Amino Acids.md') },
  { query: 'purkinje', want: note('Neuro/Cerebellum.md') },
  { query: 'gaba receptor benzodiazepine', want: note('Neuro/GABA Receptors.md') },
  { query: 'dopamine tyrosine -parkinson -lecture', want: note('Chemistry/Amino Acids.md') },
  { query: 'ratio', want: entry('gaba-glutamate-ratio') },
  { query: 'precursor nutrients cofactors', want: entry('neurochemical-balance-state') },
  { query: 'nodes of ranvier', want: note('Neuro/Myelination.md') },
  { query: 'caffeine adenosine', want: note('Neuro/Sleep Architecture.md') },
  { query: 'inhibitory excitatory balance in:glossary', want: entry('gaba-glutamate-ratio') },
  { query: 'schwann OR oligodendrocytes myelin', want: note('Neuro/Myelination.md') },
];

/** Measured 0.981 when the set was written (52 queries, 50 first); a slip of one query from first to second costs ~0.01. */
const MRR_THRESHOLD = 0.95;

let service: NotebookService;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ service, cleanup } = await openFixtureNotebook());
});

afterAll(async () => {
  await cleanup();
});

describe('ranking over the glossary and the fixture vault', () => {
  it(`keeps the mean reciprocal rank of ${JUDGED.length} judged queries above ${MRR_THRESHOLD}`, async () => {
    expect(JUDGED.length).toBeGreaterThanOrEqual(30);
    const rows: string[] = [];
    let sum = 0;
    for (const { query, want } of JUDGED) {
      const results = await service.search({ query, limit: 10 });
      const rank = results.hits.findIndex((hit) => docKey(hit.ref) === docKey(want)) + 1;
      sum += rank > 0 ? 1 / rank : 0;
      if (rank !== 1) {
        const top = results.hits.slice(0, 3).map((hit) => hit.title);
        rows.push(`${JSON.stringify(query)}: rank ${rank || 'missing'} (top: ${top.join(' | ')})`);
      }
    }
    const mrr = sum / JUDGED.length;
    console.info(`search ranking: MRR ${mrr.toFixed(3)} over ${JUDGED.length} queries; not first:\n${rows.join('\n')}`);
    expect(mrr, rows.join('\n')).toBeGreaterThanOrEqual(MRR_THRESHOLD);
  });
});
