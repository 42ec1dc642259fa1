import { ColumnType } from '../model/changes';

/** `VARCHAR(255) UNSIGNED`: the type as MySQL would print it, for messages. */
export function describeType(type: ColumnType): string {
  const args = type.values ? `(${type.values.map((v) => `'${v}'`).join(',')})` : type.args.length > 0 ? `(${type.args.join(',')})` : '';
  return `${type.name}${args}${type.unsigned ? ' UNSIGNED' : ''}`;
}

const INTEGER_RANK: Record<string, number> = { TINYINT: 1, SMALLINT: 2, MEDIUMINT: 3, INT: 4, BIGINT: 5 };
const TEXT_RANK: Record<string, number> = { TINYTEXT: 1, TEXT: 2, MEDIUMTEXT: 3, LONGTEXT: 4 };
const LENGTHED = new Set(['CHAR', 'VARCHAR', 'BINARY', 'VARBINARY']);

export type TypeComparison = 'same' | 'wider' | 'different';

/**
 * How a column's new type relates to its old one. `wider` keeps every value the old type held (longer VARCHAR, larger
 * integer with the same signedness, appended ENUM members, larger TEXT); `different` may reject or change data, or
 * change what the application reads back (signedness, charset, another type family).
 */
export function compareTypes(before: ColumnType, after: ColumnType): TypeComparison {
  if ((before.charset ?? '') !== (after.charset ?? '') && before.charset && after.charset) return 'different';
  if (!!before.unsigned !== !!after.unsigned) return 'different';
  if (before.name === after.name) {
    if (before.values || after.values) {
      const old = before.values ?? [];
      const now = after.values ?? [];
      if (old.length === now.length && old.every((v, i) => v === now[i])) return 'same';
      return old.every((v, i) => v === now[i]) ? 'wider' : 'different';
    }
    if (before.args.length === 0 && after.args.length === 0) return 'same';
    if (before.args.every((a, i) => a === after.args[i]) && before.args.length === after.args.length) return 'same';
    if (LENGTHED.has(before.name) && before.args.length === 1 && after.args.length === 1) return after.args[0] > before.args[0] ? 'wider' : 'different';
    if (before.name === 'DECIMAL') {
      const [p1 = 10, s1 = 0] = before.args;
      const [p2 = 10, s2 = 0] = after.args;
      return s2 >= s1 && p2 - s2 >= p1 - s1 ? 'wider' : 'different';
    }
    // Display widths (INT(11) vs INT) change nothing stored.
    if (INTEGER_RANK[before.name]) return 'same';
    return 'different';
  }
  if (INTEGER_RANK[before.name] && INTEGER_RANK[after.name]) return INTEGER_RANK[after.name] > INTEGER_RANK[before.name] ? 'wider' : 'different';
  if (TEXT_RANK[before.name] && TEXT_RANK[after.name]) return TEXT_RANK[after.name] > TEXT_RANK[before.name] ? 'wider' : 'different';
  if (before.name === 'CHAR' && after.name === 'VARCHAR' && (after.args[0] ?? 0) >= (before.args[0] ?? 1)) return 'wider';
  return 'different';
}
