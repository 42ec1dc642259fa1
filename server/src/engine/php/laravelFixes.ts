/**
 * Laravel foreign keys and the PHP edits that remove them. Both forms:
 * - `$table->foreignId('user_id')->constrained()->cascadeOnDelete();` (also foreignUuid, foreignIdFor,
 *   `->references('id')->on('users')` after foreignId): the FK spans `constrained(…)`; removing it replaces
 *   `->constrained(…)` and the calls that follow it with `->index()` (keeping an index) or with nothing;
 * - `$table->foreign('user_id')->references('id')->on('users')->onDelete('cascade');`: the FK spans the statement;
 *   removing it replaces the statement with `$table->index('user_id');` or deletes its line.
 * Each referential action carries the edit deleting its `->call(…)`.
 */
import { deleteSpan } from '../fixes/listEdits';
import { ColumnDefinition, ForeignKeyDefinition, Name, ReferentialAction, ReferentialActionName, Span } from '../model/changes';
import { ChainLink, argument, chainLinkRemoval, chainLinkStart, span, stringLiteral } from './phpAst';
import { Args, ReadContext, indexName, plural } from './laravelTypes';

type Event = ReferentialAction['event'];

const SHORTHAND_ACTIONS: Record<string, [Event, ReferentialActionName]> = {
  cascadeondelete: ['DELETE', 'CASCADE'],
  restrictondelete: ['DELETE', 'RESTRICT'],
  nullondelete: ['DELETE', 'SET NULL'],
  noactionondelete: ['DELETE', 'NO ACTION'],
  cascadeonupdate: ['UPDATE', 'CASCADE'],
  restrictonupdate: ['UPDATE', 'RESTRICT'],
  nullonupdate: ['UPDATE', 'SET NULL'],
  noactiononupdate: ['UPDATE', 'NO ACTION'],
};
const ACTION_WORDS: Record<string, ReferentialActionName> = {
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  'set default': 'SET DEFAULT',
  restrict: 'RESTRICT',
  'no action': 'NO ACTION',
};
/** Calls of a foreign key definition that set nothing the rules read (PostgreSQL deferral, …). */
const OTHER_FK_CALLS = new Set(['deferrable', 'initiallyimmediate', 'notinitiallyimmediate', 'lock']);

interface Tail {
  referencedTable?: Name;
  referencedColumns?: Name[];
  constraintName?: Name;
  actions: ReferentialAction[];
  /** Index of the last link that belongs to the foreign key. */
  last: number;
  /** Index of the last link that names what is referenced (`constrained`, `references`, `on`). */
  lastReference: number;
}

const nameOf = (literal: { value: string } & Span): Name => ({ name: literal.value, start: literal.start, end: literal.end });

/** Reads the foreign key calls from `links[from]` on. */
function readTail(context: ReadContext, links: readonly ChainLink[], from: number): Tail {
  const tail: Tail = { actions: [], last: from - 1, lastReference: from - 1 };
  for (let i = from; i < links.length; i++) {
    const link = links[i];
    const method = link.name.toLowerCase();
    const a = new Args(context, link);
    const literal = (index: number, param: string) => {
      const value = stringLiteral(argument(link.args, index, param));
      return value ? nameOf(value) : undefined;
    };
    if (method === 'constrained') {
      tail.referencedTable = literal(0, 'table');
      const column = literal(1, 'column');
      if (column) tail.referencedColumns = [column];
      tail.constraintName = literal(2, 'indexName');
      tail.lastReference = i;
    } else if (method === 'references') {
      tail.referencedColumns = a.names(0, 'column') ?? [];
      tail.constraintName = literal(1, 'indexName') ?? tail.constraintName;
      tail.lastReference = i;
    } else if (method === 'on') {
      tail.referencedTable = literal(0, 'table');
      tail.lastReference = i;
    } else if (method === 'ondelete' || method === 'onupdate') {
      const value = stringLiteral(argument(link.args, 0, 'action'))?.value.toLowerCase().trim().replace(/\s+/g, ' ');
      const action = value ? ACTION_WORDS[value] : undefined;
      if (action) tail.actions.push(referentialAction(context.source, link, method === 'ondelete' ? 'DELETE' : 'UPDATE', action));
      else context.problems.push({ start: link.nameSpan.start, end: link.end, message: `Cutover cannot read the action of \`${link.name}(…)\`: it is not 'cascade', 'set null', 'restrict' or 'no action' written as a literal.` });
    } else if (SHORTHAND_ACTIONS[method]) {
      const [event, action] = SHORTHAND_ACTIONS[method];
      tail.actions.push(referentialAction(context.source, link, event, action));
    } else if (!OTHER_FK_CALLS.has(method)) {
      break;
    }
    tail.last = i;
  }
  return tail;
}

function referentialAction(source: string, link: ChainLink, event: Event, action: ReferentialActionName): ReferentialAction {
  return { event, action, start: link.nameSpan.start, end: link.end, phpRemoval: [chainLinkRemoval(source, link)] };
}

/**
 * The foreign key of `$table->foreignId('user_id')->…->constrained(…)…` (`links[at]` is `constrained` or
 * `references`). The referenced table defaults as Laravel's does: the model's table for foreignIdFor, else the
 * plural of the column name without its `_id`.
 */
export function chainForeignKey(context: ReadContext, column: ColumnDefinition, modelTable: string | undefined, links: readonly ChainLink[], at: number): ForeignKeyDefinition {
  const tail = readTail(context, links, at);
  const fkSpan: Span = { start: links[at].nameSpan.start, end: links[tail.lastReference].end };
  const referencedColumns = tail.referencedColumns ?? [{ name: 'id', ...fkSpan }];
  const guessed = () => {
    const suffix = `_${referencedColumns[0]?.name ?? 'id'}`;
    const base = column.name.name.endsWith(suffix) ? column.name.name.slice(0, -suffix.length) : column.name.name;
    return plural(base);
  };
  const removalStart = chainLinkStart(context.source, links[at]);
  const removalEnd = links[tail.last].end;
  return {
    ...fkSpan,
    constraintName: tail.constraintName ?? { name: indexName(context.table, [column.name.name], 'foreign'), ...fkSpan },
    columns: [column.name],
    referencedTable: tail.referencedTable ?? { name: modelTable ?? guessed(), ...fkSpan },
    referencedColumns,
    actions: tail.actions,
    phpRemoval: {
      keepingIndex: [{ start: removalStart, end: removalEnd, newText: '->index()' }],
      withoutIndex: [{ start: removalStart, end: removalEnd, newText: '' }],
    },
  };
}

/** The foreign key of a `$variable->foreign(columns, name)->references(…)->on(…)…;` statement. */
export function statementForeignKey(context: ReadContext, links: readonly ChainLink[], statement: Span, variable: string): ForeignKeyDefinition | undefined {
  const a = new Args(context, links[0]);
  const columns = a.names(0, 'columns');
  const columnsNode = argument(links[0].args, 0, 'columns');
  if (!columns || !columnsNode) return undefined;
  const explicitName = stringLiteral(argument(links[0].args, 1, 'name'));
  const tail = readTail(context, links, 1);
  const { start, end } = span(columnsNode);
  return {
    ...statement,
    constraintName: explicitName ? nameOf(explicitName) : { name: indexName(context.table, columns.map((c) => c.name), 'foreign'), ...statement },
    columns,
    referencedTable: tail.referencedTable,
    referencedColumns: tail.referencedColumns ?? [],
    actions: tail.actions,
    phpRemoval: {
      keepingIndex: [{ ...statement, newText: `$${variable}->index(${context.source.slice(start, end)});` }],
      withoutIndex: [deleteSpan(context.source, statement.start, statement.end)],
    },
  };
}
