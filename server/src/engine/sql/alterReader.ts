import { AlterAction, ColumnDefinition } from '../model/changes';
import { readColumnDefinition } from './columnReader';
import { readConstraintPrefix, readKeyDefinition } from './keyReader';
import { readTableOptions } from './tableOptions';
import { TokenCursor, identifierOf, isKeyword, isPunct, splitTopLevel } from './tokenCursor';

type Body = AlterAction extends infer A ? (A extends AlterAction ? Omit<A, 'start' | 'end'> : never) : never;

/**
 * Reads one comma-separated clause of ALTER TABLE, tokens[cursor.index, end). Usually one action; table options
 * written without commas (`ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`) give several. A string is the reason the
 * clause could not be read.
 */
export function readAlterAction(cursor: TokenCursor, end: number, source: string): AlterAction[] | string {
  const first = cursor.tokens[cursor.index];
  const span = { start: first.start, end: cursor.tokens[end - 1].end };
  const one = (body: Body): AlterAction[] => [{ ...body, ...span } as AlterAction];
  const column = (what: string): ColumnDefinition | string => readColumnDefinition(cursor, end, source) ?? `cannot read the column definition in ${what}`;

  if (cursor.acceptKeywords('ADD')) {
    const constraintName = readConstraintPrefix(cursor);
    const key = readKeyDefinition(cursor, first.start, end, constraintName);
    if (key?.kind === 'index') return one({ kind: 'add-index', index: key.index });
    if (key?.kind === 'foreign-key') return one({ kind: 'add-foreign-key', foreignKey: key.foreignKey });
    if (constraintName !== undefined || isKeyword(cursor.peek(), 'CHECK')) return one({ kind: 'add-check' });
    if (isKeyword(cursor.peek(), 'PARTITION')) return one({ kind: 'partitioning' });
    cursor.acceptKeywords('COLUMN');
    cursor.acceptKeywords('IF', 'NOT', 'EXISTS'); // MariaDB
    if (isPunct(cursor.peek(), '(')) {
      const close = cursor.matchingParen();
      const columns: ColumnDefinition[] = [];
      for (const [s, e] of splitTopLevel(cursor.tokens, cursor.index + 1, close)) {
        const definition = s < e ? readColumnDefinition(new TokenCursor(cursor.tokens.slice(0, e), s), e, source) : undefined;
        if (!definition) return 'cannot read a column definition in ADD COLUMN (…)';
        columns.push(definition);
      }
      return one({ kind: 'add-columns', columns });
    }
    const added = column('ADD COLUMN');
    return typeof added === 'string' ? added : one({ kind: 'add-column', column: added });
  }
  if (cursor.acceptKeywords('DROP')) {
    if (cursor.acceptKeywords('PRIMARY', 'KEY')) return one({ kind: 'drop-primary-key' });
    if (cursor.acceptKeywords('FOREIGN', 'KEY')) return named(cursor, 'DROP FOREIGN KEY', (name) => one({ kind: 'drop-foreign-key', name }));
    if (cursor.acceptKeywords('INDEX') || cursor.acceptKeywords('KEY')) return named(cursor, 'DROP INDEX', (name) => one({ kind: 'drop-index', name }));
    if (cursor.acceptKeywords('CHECK') || cursor.acceptKeywords('CONSTRAINT')) return named(cursor, 'DROP CHECK', (name) => one({ kind: 'drop-check', name }));
    if (isKeyword(cursor.peek(), 'PARTITION')) return one({ kind: 'partitioning' });
    cursor.acceptKeywords('COLUMN');
    cursor.acceptKeywords('IF', 'EXISTS'); // MariaDB
    return named(cursor, 'DROP COLUMN', (name) => one({ kind: 'drop-column', column: name }));
  }
  if (cursor.acceptKeywords('MODIFY')) {
    cursor.acceptKeywords('COLUMN');
    cursor.acceptKeywords('IF', 'EXISTS');
    const modified = column('MODIFY');
    return typeof modified === 'string' ? modified : one({ kind: 'modify-column', column: modified });
  }
  if (cursor.acceptKeywords('CHANGE')) {
    cursor.acceptKeywords('COLUMN');
    cursor.acceptKeywords('IF', 'EXISTS');
    const from = identifierOf(cursor.next());
    const changed = column('CHANGE');
    if (!from || typeof changed === 'string') return typeof changed === 'string' ? changed : 'CHANGE needs the old column name';
    return one({ kind: 'change-column', from, column: changed });
  }
  if (cursor.acceptKeywords('RENAME')) {
    if (cursor.acceptKeywords('COLUMN')) return renamePair(cursor, 'RENAME COLUMN', (from, to) => one({ kind: 'rename-column', from, to }));
    if (cursor.acceptKeywords('INDEX') || cursor.acceptKeywords('KEY')) return renamePair(cursor, 'RENAME INDEX', (from, to) => one({ kind: 'rename-index', from, to }));
    if (!cursor.acceptKeywords('TO')) cursor.acceptKeywords('AS');
    const to = cursor.qualifiedName();
    return to ? one({ kind: 'rename-table', to }) : 'RENAME needs the new table name';
  }
  if (cursor.acceptKeywords('ALTER')) {
    if (cursor.acceptKeywords('INDEX') || cursor.acceptKeywords('CHECK') || cursor.acceptKeywords('CONSTRAINT')) return one({ kind: 'other', text: source.slice(span.start, span.end) });
    cursor.acceptKeywords('COLUMN');
    const name = identifierOf(cursor.next());
    if (!name) return 'ALTER COLUMN needs a column name';
    if (cursor.acceptKeywords('DROP', 'DEFAULT')) return one({ kind: 'drop-default', column: name });
    if (cursor.acceptKeywords('SET', 'VISIBLE')) return one({ kind: 'set-visibility', column: name, invisible: false });
    if (cursor.acceptKeywords('SET', 'INVISIBLE')) return one({ kind: 'set-visibility', column: name, invisible: true });
    if (cursor.acceptKeywords('SET', 'DEFAULT')) {
      const valueStart = cursor.peek();
      if (!valueStart) return 'SET DEFAULT needs a value';
      const text = source.slice(valueStart.start, span.end);
      const isExpression = isPunct(valueStart, '(');
      return one({ kind: 'set-default', column: name, default: isExpression ? { kind: 'expression', text } : isKeyword(valueStart, 'NULL') ? { kind: 'null' } : { kind: 'literal', text } });
    }
    return `cannot read ALTER COLUMN ${name.name}`;
  }
  if (cursor.acceptKeywords('CONVERT', 'TO')) {
    if (!cursor.acceptKeywords('CHARACTER', 'SET') && !cursor.acceptKeywords('CHARSET')) return 'CONVERT TO needs CHARACTER SET';
    const charset = (cursor.next()?.text ?? '').toLowerCase();
    const collate = cursor.acceptKeywords('COLLATE') ? cursor.next()?.text.toLowerCase() : undefined;
    return one({ kind: 'convert-charset', charset, collate });
  }
  if (isKeyword(cursor.peek(), 'ALGORITHM', 'LOCK')) {
    const which = cursor.next()!.upper;
    cursor.acceptPunct('=');
    const value = (cursor.next()?.text ?? '').toUpperCase();
    return one(which === 'ALGORITHM' ? { kind: 'algorithm', value } : { kind: 'lock', value });
  }
  if (cursor.acceptKeywords('FORCE')) return one({ kind: 'force' });
  if (cursor.acceptKeywords('ORDER', 'BY')) return one({ kind: 'order-by' });
  if (isKeyword(cursor.peek(), 'PARTITION', 'REMOVE', 'COALESCE', 'REORGANIZE', 'EXCHANGE', 'ANALYZE', 'CHECK', 'OPTIMIZE', 'REBUILD', 'REPAIR', 'TRUNCATE', 'DISCARD', 'IMPORT')) {
    const partitionClause = cursor.tokens.slice(cursor.index, end).some((t) => isKeyword(t, 'PARTITION', 'PARTITIONING'));
    return one(partitionClause ? { kind: 'partitioning' } : { kind: 'other', text: source.slice(span.start, span.end) });
  }
  if (isKeyword(cursor.peek(), 'ENABLE', 'DISABLE', 'WITH', 'WITHOUT')) return one({ kind: 'other', text: source.slice(span.start, span.end) });
  const options = readTableOptions(cursor, end);
  if (options.length > 0 && cursor.index >= end) return options.map((option) => ({ kind: 'table-option', option, start: option.start, end: option.end }));
  return `cannot read the ALTER TABLE clause "${source.slice(span.start, Math.min(span.end, span.start + 40))}"`;
}

function named(cursor: TokenCursor, what: string, make: (name: NonNullable<ReturnType<typeof identifierOf>>) => AlterAction[]): AlterAction[] | string {
  const name = identifierOf(cursor.next());
  return name ? make(name) : `${what} needs a name`;
}

function renamePair(cursor: TokenCursor, what: string, make: (from: NonNullable<ReturnType<typeof identifierOf>>, to: NonNullable<ReturnType<typeof identifierOf>>) => AlterAction[]): AlterAction[] | string {
  const from = identifierOf(cursor.next());
  const hasTo = cursor.acceptKeywords('TO');
  const to = identifierOf(cursor.next());
  return from && hasTo && to ? make(from, to) : `${what} needs \`old TO new\``;
}
