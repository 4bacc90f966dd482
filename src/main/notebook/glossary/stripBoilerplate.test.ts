import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boilerplateStart, findBoilerplateRule, stripBoilerplate } from './stripBoilerplate';

// Invented variations of what web pages append to an article: none of these strings occur in the seeds.
const BOILERPLATE_LINES = [
  'Accept all cookies',
  'Accept All',
  'Reject all',
  'Decline',
  'Got it!',
  'Manage consent',
  'Manage Consent Preferences',
  'You can withdraw your consent at any time.',
  'We value your privacy',
  'We use cookies to improve your experience on our site.',
  'We and our partners store and access information on your device, such as cookies.',
  'This website uses cookies. By continuing to browse, you agree to our use of cookies.',
  'Cookie Settings',
  'Cookies',
  'Strictly necessary cookies are always active.',
  'Marketing cookies are used to track visitors across websites.',
  'Save preferences',
  'Manage your preferences below.',
  'Update your email preferences',
  'Privacy Policy',
  'Do Not Sell or Share My Personal Information',
  'Subscribe',
  'Subscribe to our newsletter for weekly wellness tips.',
  'Sign up for free today and get our guide.',
  'Join our newsletter',
  'Get 20% off your first order with promo code CALM20.',
  'Start your free trial',
  'Our products are formulated by clinicians.',
  'Personalized recommendations based on your browsing.',
  'Follow us on Instagram',
  'Read more',
  'Share this article',
  'Advertisement',
  '© 2024 Wellness Inc. All rights reserved.',
  'Terms of Service',
];

// Scientific prose that uses the same vocabulary without the site's voice.
const SCIENCE_LINES = [
  'Patient preferences and prior treatment history modulate the response to serotonergic drugs.',
  'Individual reward preferences reflect dopaminergic tone in the ventral striatum.',
  'Informed consent is required before genetic testing for neurotransmitter polymorphisms.',
  'Diets rich in cookies, pastries and other refined carbohydrates elevate postprandial glucose and insulin.',
  'The marketing of supplements often overstates their effect on neurotransmitter synthesis.',
  'Researchers who subscribe to this model emphasise receptor density over ligand concentration.',
  'Neurons accept excitatory input until the membrane reaches threshold.',
  'We use the term balance loosely, to denote a dynamic equilibrium.',
  'Analytics of cerebrospinal fluid samples show a shift in the ratio under chronic stress.',
  'Cells share signaling molecules through gap junctions, a process that personalized models try to capture.',
  'This balance establishes a personalized, harmonious equilibrium that supports emotional resilience.',
];

describe('findBoilerplateRule', () => {
  it.each(BOILERPLATE_LINES)('recognises %j as boilerplate', (line) => {
    expect(findBoilerplateRule(line)).toBeDefined();
  });

  it.each(SCIENCE_LINES)('leaves scientific prose alone: %j', (line) => {
    expect(findBoilerplateRule(line)).toBeUndefined();
  });

  it('ignores surrounding whitespace and case', () => {
    expect(findBoilerplateRule('   ACCEPT ALL COOKIES  ')?.name).toBe('cookie notice');
    expect(findBoilerplateRule('manage CONSENT')?.name).toBe('consent banner');
  });

  it('says which rule matched, for error messages', () => {
    expect(findBoilerplateRule('We value your privacy')?.name).toBe('privacy notice');
    expect(findBoilerplateRule('Subscribe to our newsletter')?.name).toMatch(/newsletter|personalization or marketing/);
  });

  it('never treats a blank line as boilerplate', () => {
    expect(findBoilerplateRule('')).toBeUndefined();
    expect(findBoilerplateRule('   ')).toBeUndefined();
  });
});

describe('stripBoilerplate', () => {
  const mechanism = 'Glutamate activates its receptors, which is shaped by individual preferences for novelty.';

  it('keeps everything before the first boilerplate line, unchanged', () => {
    expect(stripBoilerplate([mechanism, 'A second mechanism paragraph.', 'Accept all cookies', 'More text.'])).toEqual([
      mechanism,
      'A second mechanism paragraph.',
    ]);
  });

  it('drops everything from the first boilerplate line on, even harmless-looking lines', () => {
    const lines = [mechanism, 'We value your privacy', 'This text is part of the banner.', 'Subscribe'];
    expect(boilerplateStart(lines)).toBe(1);
    expect(stripBoilerplate(lines)).toEqual([mechanism]);
  });

  it('keeps all lines when there is no trailer', () => {
    expect(stripBoilerplate(SCIENCE_LINES)).toEqual(SCIENCE_LINES);
    expect(boilerplateStart(SCIENCE_LINES)).toBe(SCIENCE_LINES.length);
  });

  it('cuts exactly at the first boilerplate line for any content and any trailer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SCIENCE_LINES), { maxLength: 5 }),
        fc.constantFrom(...BOILERPLATE_LINES),
        fc.array(fc.constantFrom(...SCIENCE_LINES, ...BOILERPLATE_LINES), { maxLength: 5 }),
        (content, firstBoilerplate, rest) => {
          expect(stripBoilerplate([...content, firstBoilerplate, ...rest])).toEqual(content);
        },
      ),
    );
  });
});
