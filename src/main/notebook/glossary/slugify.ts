// Letters that Unicode decomposition does not reduce to ASCII but readers expect spelled out.
const TRANSLITERATIONS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th' };

/**
 * Turns a title into a stable entry id: lowercase ASCII letters and digits, words joined by
 * single hyphens (`ENTRY_ID_PATTERN`). Accents are dropped ("Ménière" → "meniere"), apostrophes
 * vanish ("Brain’s" → "brains") and any other run of punctuation or spaces becomes one hyphen.
 *
 * The id is a pure function of the title, so re-importing the same pack yields the same ids
 * and links to entries keep working.
 *
 * @returns the slug, or an empty string when the title has no Latin letter or digit at all
 *   (the caller decides whether that is an error). Never throws.
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþ]/g, (letter) => TRANSLITERATIONS[letter] ?? letter)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
