import type { GlossaryEntry } from '@shared/domain/glossary';
import { SHIPPED_GLOSSARY } from '../../../testing/tempDirs';
import { compareEntryTitles } from '../../glossary/compareEntryTitles';
import { assignEntryIds } from '../assignEntryIds';
import type { DraftEntry } from '../DraftEntry';
import { normalizeDraft } from '../normalizeDraft';
import { BUILT_IN_PACK_ID } from '../PackLibrary';
import { readPackSource } from '../readPackSource';

/** The shipped glossary's entries as the built-in pack holds them, for tests that need real entries without a state folder. */
export async function shippedEntries(): Promise<GlossaryEntry[]> {
  const { parsed } = await readPackSource(SHIPPED_GLOSSARY);
  const drafts = parsed.entries.map(normalizeDraft).filter((d): d is DraftEntry => !('reason' in d));
  return assignEntryIds(drafts, '')
    .entries.map((entry) => ({ ...entry, packId: BUILT_IN_PACK_ID }))
    .sort(compareEntryTitles);
}
