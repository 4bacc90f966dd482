export interface ListNavigationOptions {
  /** ArrowDown on the last item goes to the first, and back. Default false (stop at the ends). */
  wrap?: boolean;
  /** Items moved by PageUp/PageDown. Default 8. */
  page?: number;
  /** Whether Home/End move too (not in text fields, where they move the caret). Default true. */
  homeEnd?: boolean;
}

/**
 * Where a navigation key moves the active item of a list of `count` items: ArrowUp/Down,
 * PageUp/Down, Home/End. Returns null for other keys (and for an empty list), so callers
 * handle Enter, Escape and typing themselves.
 */
export function nextListIndex(
  key: string,
  current: number,
  count: number,
  { wrap = false, page = 8, homeEnd = true }: ListNavigationOptions = {},
): number | null {
  if (count === 0) return null;
  const clamp = (index: number) => Math.min(Math.max(index, 0), count - 1);
  switch (key) {
    case 'ArrowDown':
      return wrap ? (current + 1) % count : clamp(current + 1);
    case 'ArrowUp':
      return wrap ? (current - 1 + count) % count : clamp(current - 1);
    case 'PageDown':
      return clamp(current + page);
    case 'PageUp':
      return clamp(current - page);
    case 'Home':
      return homeEnd ? 0 : null;
    case 'End':
      return homeEnd ? count - 1 : null;
    default:
      return null;
  }
}
