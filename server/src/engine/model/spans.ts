/**
 * A deep copy with every offset (`start`, `end`, `endWithDelimiter`) passed through `map`, and statement tokens dropped
 * (they would carry the old offsets): moves a change between coordinate systems, e.g. relative to its statement for the
 * read cache, or from the SQL in a PHP string to the PHP source.
 */
export function mapOffsets<T>(value: T, map: (offset: number) => number): T {
  if (Array.isArray(value)) return value.map((item) => mapOffsets(item, map)) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if ((key === 'start' || key === 'end' || key === 'endWithDelimiter') && typeof field === 'number') copy[key] = map(field);
    else copy[key] = key === 'tokens' ? [] : mapOffsets(field, map);
  }
  return copy as T;
}
