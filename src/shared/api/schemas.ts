import { ENTRY_ID_PATTERN } from '../domain/glossary';
import * as v from './validate';

/** Validators for the domain values that cross the boundary, shared by methods and stores. */

export const entryId = v.string({ min: 1, max: 200, pattern: ENTRY_ID_PATTERN, patternName: 'a glossary id' });

export const workspaceState = v.object({
  lastEntryId: v.optional(v.nullable(entryId)),
  sidebarWidth: v.optional(v.integer(160, 800)),
});
