import { describe, expect, it } from 'vitest';
import { deriveTitle } from './deriveTitle';

describe('deriveTitle', () => {
  it.each([
    ['The GABA Glutamate Ratio is a crucial neurochemical index.', 'GABA Glutamate Ratio'],
    ['Neurotransmitter Balance Metrics are quantifiable measures.', 'Neurotransmitter Balance Metrics'],
    ['The Neurochemical Balance State describes the optimal equilibrium.', 'Neurochemical Balance State'],
    ['Neurotransmitter Balance Science is the specialized field of study.', 'Neurotransmitter Balance Science'],
    ['Glutamate is the main excitatory neurotransmitter.', 'Glutamate'],
    ['An HPA Axis Reset refers to a return to baseline cortisol rhythm.', 'HPA Axis Reset'],
    ['A Dopamine Surge denotes a rapid rise in synaptic dopamine.', 'Dopamine Surge'],
    ['5-HT Signalling means serotonergic transmission.', '5-HT Signalling'],
    ['Theory of Mind represents the ability to attribute mental states.', 'Theory of Mind'],
    ['The Excitation Inhibition Ratio (EIR) is a measure of cortical balance.', 'Excitation Inhibition Ratio'],
    ['Gamma-Aminobutyric Acid  is the chief inhibitory neurotransmitter.', 'Gamma-Aminobutyric Acid'],
  ])('%j → %j', (definition, title) => {
    expect(deriveTitle(definition)).toBe(title);
  });

  it.each([
    'A state where the principal excitatory and inhibitory neurotransmitters are balanced.',
    'The balance between excitation and inhibition is fundamental.',
    'Serotonin, dopamine and GABA are neurotransmitters.',
    'Measured in plasma, the GABA Ratio is unstable.',
    'The GABA Ratio Is Important.',
    'GABA Glutamate Ratio',
    'The GABA Glutamate Ratio, a crucial index, is widely used.',
    'Theory of is unclear.',
    '',
  ])('finds no title in %j', (definition) => {
    expect(deriveTitle(definition)).toBeUndefined();
  });

  it('looks only at the first paragraph', () => {
    expect(deriveTitle('A state where things are balanced.\n\nThe Balance Index is a number.')).toBeUndefined();
    expect(deriveTitle('The Balance Index is a number.\n\nA state where things are balanced.')).toBe('Balance Index');
  });
});
