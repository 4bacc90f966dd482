/** A tag used in the vault, as the `#` menu offers it. */
export interface TagSuggestion {
  /** The tag without `#`, as most often written (`biology/cells`). */
  tag: string;
  /** How many notes use it (inline `#tag` or front matter `tags`). */
  count: number;
}
