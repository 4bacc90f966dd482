import type { PropertyType } from '../properties/readProperties';

/** The vault's property types (Obsidian's `.obsidian/types.json`), as the properties panel uses them. */
export interface PropertyTypesInfo {
  /** The panel type of each property name the file types (names of types it does not know are left out). */
  types: Record<string, PropertyType>;
  /** Why the file cannot be used (it does not parse…), or null. Such a file is never written. */
  problem: string | null;
}
