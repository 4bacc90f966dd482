/**
 * What web-page boilerplate looks like, as rules rather than positions.
 *
 * The glossary sources are text copied from web pages: after the last section
 * come the page's cookie/consent banner, privacy notice and marketing lines. They are
 * recognised by *voice*, not by single words: boilerplate speaks as the site ("we use
 * cookies", "our free resources"), addresses the visitor ("manage your preferences") or is
 * a bare button/footer label ("Accept all", "Subscribe"). Scientific prose is written in the
 * third person, so a sentence such as "patient preferences shape adherence" or "informed
 * consent was obtained" matches no rule.
 *
 * How the rules are applied is decided by `parseSource`: they only ever *end* the last
 * section, and a match inside the definition or a section is an error, never a silent cut.
 */

/** One way a line can look like web-page boilerplate. */
export interface BoilerplateRule {
  /** Shown in error messages, e.g. "cookie notice". */
  readonly name: string;
  readonly pattern: RegExp;
}

// Words that put "cookie" on a web page rather than on a plate.
const WEB_CONTEXT =
  'we|us|our|you|your|site|website|browser|visitors?|accept|reject|allow|manage|settings|preferences|' +
  'policy|consent|analytics|tracking|personali[sz]\\w*|marketing|advertis\\w*|third[- ]party|essential|necessary|functional';

/** The rules, in the order they are tried. Every pattern is case-insensitive and tested against a trimmed line. */
export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    name: 'cookie notice',
    pattern: new RegExp(`^(?=.*\\bcookies?\\b)(?:(?=.*\\b(?:${WEB_CONTEXT})\\b)|(?:\\S+\\s+){0,4}\\S+$)`, 'i'),
  },
  {
    name: 'consent banner',
    pattern:
      /\b(?:manage|withdraw|change|update|revoke|your)\s+(?:your\s+)?consent\b|\bconsent\s+(?:preferences|settings|management|manager|choices|options)\b|^consent$/i,
  },
  {
    name: 'privacy notice',
    pattern:
      /\bwe\s+(?:value|respect|care\s+about|protect)\s+your\s+privacy\b|\bprivacy\s+(?:policy|notice|settings|preferences|cent(?:er|re)|statement|choices)\b|\b(?:do\s+not|don't)\s+sell\b.*\bpersonal\s+information\b/i,
  },
  {
    name: 'site tracking notice ("we use …")',
    pattern:
      /\bwe(?:\s+and\s+our\s+partners)?\s+(?:use|store|collect|process|share)\b.*\b(?:cookies?|similar\s+technologies|tracking|traffic|analytics|advertis\w*|personali[sz]\w*|your\s+(?:data|information|browsing|device|visit))\b/i,
  },
  {
    name: 'preferences control',
    pattern:
      /\b(?:manage|update|change|save|set|review|adjust|customi[sz]e)\s+(?:your|my)\s+(?:\w+\s+)?(?:preferences|settings|choices)\b|\b(?:cookie|privacy|consent|marketing|email|notification|communication)\s+(?:preferences|settings|choices)\b|^(?:save|manage|update|set)\s+(?:preferences|settings|choices)\W*$/i,
  },
  {
    name: 'consent button',
    pattern:
      /^(?:accept|reject|decline|deny|allow|refuse|agree|i\s+agree|ok|okay|got\s+it|dismiss)(?:\s+(?:all|selected|necessary|essential|only\s+necessary|and\s+close|and\s+continue))?(?:\s+cookies)?\W*$/i,
  },
  {
    name: 'analytics, personalization or marketing notice',
    pattern:
      /\bpersonali[sz]ed\s+(?:marketing|ads|advertising|advertisements|offers|promotions|recommendations|content|experience)\b|\bmarketing\s+(?:efforts|emails?|communications|purposes|partners|messages)\b|\banaly[sz]e\s+(?:our|site|website)\s+traffic\b|\bour\s+(?:website|site|traffic|partners|newsletter|free\s+resources|services|products|store|shop|blog|community)\b/i,
  },
  {
    name: 'newsletter or subscription prompt',
    pattern:
      /\bnewsletter\b|\b(?:subscribe|sign\s+up|signup)\b.*\b(?:updates|mailing\s+list|inbox|e-?mails?|our|free|today|now)\b|^(?:subscribe|sign\s+up)\b/i,
  },
  {
    name: 'sales promotion',
    pattern:
      /\b(?:free\s+trial|limited[- ]time\s+offer|special\s+offer|promo\s+code|coupon\s+code|buy\s+now|shop\s+now|order\s+now|add\s+to\s+cart|\d+\s?%\s+off)\b/i,
  },
  {
    name: 'page navigation or footer',
    pattern:
      /^(?:read\s+more|learn\s+more|show\s+more|see\s+more|share(?:\s+this(?:\s+(?:article|page|post))?)?|share\s+on\s+.*|follow\s+us(?:\s+on\s+.*)?|advertisement|sponsored(?:\s+content)?|back\s+to\s+top|skip\s+to\s+(?:main\s+)?content|related\s+(?:articles|posts|reading))\W*$|©|\ball\s+rights\s+reserved\b|\bterms\s+(?:of\s+(?:use|service)|and\s+conditions)\b/i,
  },
];

/**
 * Tells whether a line looks like web-page boilerplate.
 *
 * @returns the first rule the trimmed line matches, or `undefined` for ordinary text (and blank lines).
 */
export function findBoilerplateRule(line: string): BoilerplateRule | undefined {
  const trimmed = line.trim();
  if (trimmed === '') return undefined;
  return BOILERPLATE_RULES.find((rule) => rule.pattern.test(trimmed));
}

/**
 * Index of the first line that looks like boilerplate, or `lines.length` when none does.
 * Everything from there on is the page's trailer.
 */
export function boilerplateStart(lines: readonly string[]): number {
  const index = lines.findIndex((line) => findBoilerplateRule(line) !== undefined);
  return index === -1 ? lines.length : index;
}

/**
 * Drops the page trailer: returns the lines before the first boilerplate line, unchanged.
 * Lines after it are dropped even when they look harmless on their own, because a banner
 * or footer goes on until the end of the page.
 */
export function stripBoilerplate(lines: readonly string[]): string[] {
  return lines.slice(0, boilerplateStart(lines));
}
