import type { PropertyType } from '@shared/properties/readProperties';

const PATHS: Record<PropertyType | 'readonly', string> = {
  text: 'M3 4h10M3 8h10M3 12h6',
  list: 'M6 4h7M6 8h7M6 12h7M3 4h.01M3 8h.01M3 12h.01',
  number: 'M6 2.5L5 13.5M11 2.5l-1 11M3 6h10.5M2.5 10H13',
  checkbox: 'M3 3h10v10H3zM5.5 8l2 2 3-4',
  date: 'M3 4h10v9H3zM3 7h10M6 2.5v3M10 2.5v3',
  datetime: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zM8 5v3l2 1.5',
  tags: 'M2.5 8.5V3h5.5l5.5 5.5-5.5 5.5zM5.5 5.5h.01',
  aliases: 'M4 5h7l-2-2M12 11H5l2 2',
  readonly: 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z',
};

/** The small icon before a property's name, by its type (a lock when it is read-only). */
export function PropertyTypeIcon({ type }: { type: PropertyType | null }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d={PATHS[type ?? 'readonly']}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
