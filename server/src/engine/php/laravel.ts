/**
 * Reads a Laravel migration into the engine's model. Only what Laravel would run counts: the Schema facade's calls in
 * up() (and in down(), as the rollback), wherever they stand (inside `if (! Schema::hasColumn(…))` too).
 * `Schema::create('t', fn)` is one change (a CREATE TABLE); `Schema::table('t', fn)` is one ALTER TABLE per blueprint
 * statement, so diagnostics and ignore comments land on the `$table->…;` line they are about. `DB::statement(…)` and
 * `DB::unprepared(…)` are raw SQL: `laravelRawSqlCalls` lists them for the SQL path.
 */
import { AlterAction, AlterTable, CreateTable, IndexDefinition, IndexKind, Name, SchemaChange, Span } from '../model/changes';
import { PhpCall, PhpNode, ChainLink, baseName, expressionEnd, ignoreComments, methodChain, migrationMethods, parsePhp, span, statementSpan, staticCallOf, stringList, stringLiteral, variableName, walk } from './phpAst';
import { Args, ReadContext, applyModifiers, columnsOf, indexName, modelName, snake } from './laravelTypes';
import { chainForeignKey, statementForeignKey } from './laravelFixes';
import { PhpChange, PhpMigration, PhpProblem } from './types';

type Loose = PhpNode & Record<string, any>;

/** Reads a Laravel migration. Never throws: a PHP syntax error gives one problem and no changes. */
export function readLaravelMigration(source: string): PhpMigration {
  const parsed = parsePhp(source);
  if (!parsed.program) return { framework: 'laravel', changes: [], ignores: [], problems: [parsed.problem] };
  const changes: PhpChange[] = [];
  const problems: PhpProblem[] = [];
  try {
    for (const method of migrationMethods(parsed.program)) {
      walk(method.body, (node) => {
        const isStatement = node.kind === 'expressionstatement';
        const expression = isStatement ? (node as Loose).expression : node;
        const schema = schemaCall(source, expression);
        if (!schema) return isRawSql(source, expression) ? false : undefined;
        const where = isStatement ? statementSpan(source, node) : { start: span(node).start, end: expressionEnd(source, node) };
        for (const change of readSchemaCall(source, schema, where, problems)) changes.push({ ...where, ...change, rollback: method.rollback });
        return false;
      });
    }
    return { framework: 'laravel', changes, ignores: ignoreComments(source, parsed.program), problems };
  } catch (error) {
    // A reader bug must not take the linter down: say so where it can be seen.
    const message = `Cutover could not read this Laravel migration (${error instanceof Error ? error.message : String(error)}).`;
    return { framework: 'laravel', changes: [], ignores: [], problems: [{ start: 0, end: Math.min(source.length, 5), message }] };
  }
}

/** The `DB::statement('…')` / `DB::unprepared('…')` calls of up() and down(), for the embedded SQL reader. */
export function laravelRawSqlCalls(source: string): Array<{ call: PhpCall; rollback: boolean }> {
  const parsed = parsePhp(source);
  if (!parsed.program) return [];
  const calls: Array<{ call: PhpCall; rollback: boolean }> = [];
  for (const method of migrationMethods(parsed.program)) {
    walk(method.body, (node) => {
      if (!isRawSql(source, node)) return undefined;
      calls.push({ call: node as PhpCall, rollback: method.rollback });
      return false;
    });
  }
  return calls;
}

interface FacadeCall {
  method: string;
  args: PhpNode[];
  nameSpan: Span;
}

/** `Facade::method(…)` or `Facade::connection(…)->method(…)`. */
function facadeCall(source: string, node: PhpNode | undefined, facade: string): FacadeCall | undefined {
  if (!node || node.kind !== 'call') return undefined;
  const direct = staticCallOf(node);
  if (direct) {
    const lookup = (node as Loose).what.offset;
    return baseName(direct.className) === facade ? { method: direct.method.toLowerCase(), args: direct.args, nameSpan: span(lookup) } : undefined;
  }
  const chain = methodChain(source, node);
  const root = chain && chain.links.length === 1 ? staticCallOf(chain.root) : undefined;
  if (!chain || !root || baseName(root.className) !== facade || root.method.toLowerCase() !== 'connection') return undefined;
  return { method: chain.links[0].name.toLowerCase(), args: chain.links[0].args, nameSpan: chain.links[0].nameSpan };
}

const schemaCall = (source: string, node: PhpNode | undefined) => facadeCall(source, node, 'Schema');

function isRawSql(source: string, node: PhpNode | undefined): boolean {
  const call = facadeCall(source, node, 'DB');
  return call?.method === 'statement' || call?.method === 'unprepared';
}

function literalName(node: PhpNode | undefined): Name | undefined {
  const literal = stringLiteral(node);
  return literal ? { name: literal.value, start: literal.start, end: literal.end } : undefined;
}

function readSchemaCall(source: string, call: FacadeCall, where: Span, problems: PhpProblem[]): Array<{ change: SchemaChange } & Partial<Span>> {
  const [first, second] = call.args.map((a) => ((a as Loose).kind === 'namedargument' ? (a as Loose).value : a));
  const known = ['create', 'table', 'drop', 'dropifexists', 'rename', 'dropcolumns'];
  if (!known.includes(call.method)) return [];
  const table = literalName(first);
  if (!table) {
    problems.push({ ...(first ? span(first) : call.nameSpan), message: `Cutover cannot tell which table \`Schema::${call.method}(…)\` changes: its name is not a string literal, so this statement is not checked.` });
    return [];
  }
  switch (call.method) {
    case 'drop':
    case 'dropifexists':
      return [{ change: { kind: 'drop-table', tables: [table], ifExists: call.method === 'dropifexists', temporary: false } }];
    case 'rename': {
      const to = literalName(second);
      if (to) return [{ change: { kind: 'rename-table', pairs: [{ from: table, to }] } }];
      problems.push({ ...(second ? span(second) : call.nameSpan), message: 'Cutover cannot read the new table name of `Schema::rename(…)`: it is not a string literal.' });
      return [];
    }
    case 'dropcolumns': {
      const columns = stringList(second);
      if (!columns) {
        problems.push({ ...(second ? span(second) : call.nameSpan), message: 'Cutover cannot read the columns of `Schema::dropColumns(…)`: they are not string literals.' });
        return [];
      }
      const actions: AlterAction[] = columns.map((c) => ({ ...where, kind: 'drop-column', column: { name: c.value, start: c.start, end: c.end } }));
      return [{ change: alterTable(table, actions) }];
    }
    default:
      return readBlueprint(source, call, table, second, where, problems);
  }
}

function alterTable(table: Name, actions: AlterAction[]): AlterTable {
  return { kind: 'alter-table', table, actions, commasAfter: actions.map(() => undefined) };
}

/** The blueprint closure of `Schema::create` / `Schema::table`: one entry per `$table->…;` statement. */
function readBlueprint(source: string, call: FacadeCall, table: Name, closure: PhpNode | undefined, where: Span, problems: PhpProblem[]): Array<{ change: SchemaChange } & Partial<Span>> {
  const fn = closure as Loose | undefined;
  if (!fn || (fn.kind !== 'closure' && fn.kind !== 'arrowfunc')) {
    problems.push({ ...(fn ? span(fn) : call.nameSpan), message: `Cutover reads the blueprint of \`Schema::${call.method}(…)\` only from a closure written in place: this statement is not checked.` });
    return [];
  }
  const variable = variableName(fn.arguments?.[0]) ?? String(fn.arguments?.[0]?.name?.name ?? fn.arguments?.[0]?.name ?? 'table');
  const context: ReadContext = { source, table: table.name, problems };
  const create = call.method === 'create';
  const statements: Array<{ span: Span; actions: AlterAction[]; temporary: boolean }> = [];
  // `$table->after('col', function ($table) { … })`: Laravel puts each column of the group after the previous one.
  const groups: Array<{ end: number; after: Name }> = [];
  const read = (node: PhpNode, at: Span) => {
    const result = readStatement(context, node, at, variable, create);
    if (!result) return undefined;
    statements.push({ span: at, ...result });
    const group = groups.find((g) => at.start < g.end);
    for (const action of group ? result.actions : []) {
      if (action.kind !== 'add-column' || action.column.position) continue;
      action.column.position = { kind: 'after', column: group!.after };
      group!.after = action.column.name;
    }
    if (result.group) groups.unshift({ end: at.end, after: result.group });
    return result.group ? undefined : false;
  };
  if (fn.kind === 'arrowfunc') read(fn.body, { start: span(fn.body).start, end: expressionEnd(source, fn.body) });
  else walk(fn.body, (node) => (node.kind === 'expressionstatement' ? read((node as Loose).expression, statementSpan(source, node)) : undefined));
  if (!create) return statements.filter((s) => s.actions.length > 0).map((s) => ({ ...s.span, change: alterTable(table, s.actions) }));
  const actions = statements.flatMap((s) => s.actions);
  const change: CreateTable = {
    kind: 'create-table',
    table,
    ifNotExists: false,
    temporary: statements.some((s) => s.temporary),
    columns: actions.flatMap((a) => (a.kind === 'add-column' || a.kind === 'modify-column' ? [a.column] : [])),
    indexes: actions.flatMap((a) => (a.kind === 'add-index' ? [a.index] : [])),
    foreignKeys: actions.flatMap((a) => (a.kind === 'add-foreign-key' ? [a.foreignKey] : [])),
    options: actions.flatMap((a) => (a.kind === 'table-option' ? [a.option] : [])),
    definitions: statements.filter((s) => s.actions.length > 0).map((s) => ({ ...s.span })),
  };
  return [{ ...where, change }];
}

const TABLE_OPTIONS: Record<string, string> = { engine: 'ENGINE', charset: 'CHARSET', collation: 'COLLATE' };

/** One blueprint statement: its actions, or undefined when it is not a `$variable->…` statement. */
function readStatement(context: ReadContext, node: PhpNode, at: Span, variable: string, create: boolean): { actions: AlterAction[]; temporary: boolean; group?: Name } | undefined {
  const n = node as Loose;
  // `$table->engine = 'InnoDB';`
  if (n.kind === 'assign' && n.left?.kind === 'propertylookup' && variableName(n.left.what) === variable && n.left.offset?.kind === 'identifier') {
    const option = TABLE_OPTIONS[String(n.left.offset.name).toLowerCase()];
    return { actions: option ? tableOption(context, option, n.right, at, create) : [], temporary: false };
  }
  const chain = methodChain(context.source, node);
  if (!chain || variableName(chain.root) !== variable) return undefined;
  const [command] = chain.links;
  const typed = columnsOf(context, command, at);
  const name = command.name.toLowerCase();
  if (name === 'after' && chain.links.length === 1) {
    const after = new Args(context, command).name(0, 'column');
    return after ? { actions: [], temporary: false, group: after } : { actions: [], temporary: false };
  }
  if (!typed) return { actions: readCommand(context, chain.links, at, variable, create), temporary: name === 'temporary' };
  const modifiers = applyModifiers(context, typed.columns, chain.links, 1);
  const actions: AlterAction[] = typed.columns.map((column) => ({ ...at, kind: modifiers.change ? 'modify-column' : 'add-column', column }));
  if (typed.index) actions.push(addIndex(context, typed.index.kind, typed.index.columns, undefined, at));
  const [column] = typed.columns;
  for (const index of modifiers.indexes) {
    if (column) actions.push(addIndex(context, index.kind, [column.name], index.name, { start: index.link.nameSpan.start, end: index.link.end }));
  }
  if (modifiers.foreignKeyAt !== undefined && typed.foreign && column) {
    const foreignKey = chainForeignKey(context, column, typed.foreign.table, chain.links, modifiers.foreignKeyAt);
    actions.push({ start: foreignKey.start, end: foreignKey.end, kind: 'add-foreign-key', foreignKey });
  }
  return { actions, temporary: false };
}

function tableOption(context: ReadContext, name: string, value: PhpNode | undefined, at: Span, create: boolean): AlterAction[] {
  const literal = stringLiteral(value);
  if (!literal) return [];
  if (!create && name !== 'COMMENT') {
    context.problems.push({ ...at, message: `Laravel applies the table's ${name.toLowerCase()} only in Schema::create: this has no effect on ${context.table}.` });
    return [];
  }
  const text = name === 'COMMENT' ? literal.value : literal.value.toLowerCase();
  return [{ ...at, kind: 'table-option', option: { name, value: text, start: literal.start, end: literal.end } }];
}

const INDEX_TYPES: Record<IndexKind, string> = { index: 'index', unique: 'unique', primary: 'primary', fulltext: 'fulltext', spatial: 'spatialindex' };
const INDEX_COMMANDS: Record<string, IndexKind> = { index: 'index', unique: 'unique', primary: 'primary', fulltext: 'fulltext', spatialindex: 'spatial' };
const DROP_INDEX_COMMANDS: Record<string, string> = { dropindex: 'index', dropunique: 'unique', dropfulltext: 'fulltext', dropspatialindex: 'spatialindex' };

function addIndex(context: ReadContext, kind: IndexKind, columns: Name[], name: Name | undefined, at: Span): AlterAction {
  const generated = kind === 'primary' ? undefined : { name: indexName(context.table, columns.map((c) => c.name), INDEX_TYPES[kind]), ...at };
  const index: IndexDefinition = { ...at, kind, name: name ?? generated, columns };
  return { ...at, kind: 'add-index', index };
}

/** An index given by name, or by its columns (Laravel then derives the name it gave the index). */
function indexByName(context: ReadContext, a: Args, type: string, index = 0, param = 'index'): Name | undefined {
  const literal = stringLiteral(a.node(index, param));
  if (literal) return { name: literal.value, start: literal.start, end: literal.end };
  const columns = a.names(index, param);
  return columns ? { name: indexName(context.table, columns.map((c) => c.name), type), ...a.link.nameSpan } : undefined;
}

/** Blueprint methods that are not column definitions. */
function readCommand(context: ReadContext, links: readonly ChainLink[], at: Span, variable: string, create: boolean): AlterAction[] {
  const [link] = links;
  const method = link.name.toLowerCase();
  const a = new Args(context, link);
  const fixed = (name: string): Name => ({ name, ...link.nameSpan });
  const drops = (names: Array<Name | undefined>): AlterAction[] => names.flatMap((column) => (column ? [{ ...at, kind: 'drop-column' as const, column }] : []));
  const dropForeign = (name: Name | undefined): AlterAction[] => (name ? [{ ...at, kind: 'drop-foreign-key', name }] : []);
  const modelColumn = (): Name | undefined => {
    const explicit = stringLiteral(a.node(1, 'column'));
    const model = modelName(a.node(0, 'model'));
    return explicit || !model ? a.name(1, 'column') : fixed(`${snake(model)}_id`);
  };
  if (INDEX_COMMANDS[method]) {
    const columns = a.names(0, 'columns');
    return columns ? [addIndex(context, INDEX_COMMANDS[method], columns, literalName(a.node(1, 'name')), at)] : [];
  }
  if (DROP_INDEX_COMMANDS[method]) {
    const name = indexByName(context, a, DROP_INDEX_COMMANDS[method]);
    return name ? [{ ...at, kind: 'drop-index', name }] : [];
  }
  switch (method) {
    case 'rawindex': {
      const name = a.name(1, 'name');
      return name ? [{ ...at, kind: 'add-index', index: { ...at, kind: 'index', name, columns: [undefined] } }] : [];
    }
    case 'dropprimary':
      return [{ ...at, kind: 'drop-primary-key' }];
    case 'renameindex':
    case 'renamecolumn': {
      const from = a.name(0, 'from');
      const to = a.name(1, 'to');
      if (!from || !to) return [];
      return [method === 'renameindex' ? { ...at, kind: 'rename-index', from, to } : { ...at, kind: 'rename-column', from, to }];
    }
    case 'dropcolumn':
    case 'dropcolumns': {
      // dropColumn(['a', 'b']) and dropColumn('a', 'b') both drop every column named.
      const names = link.args.length > 1 && stringLiteral(link.args[0]) ? link.args.map((_, i) => a.name(i, 'columns')) : a.names(0, 'columns') ?? [];
      return drops(names);
    }
    case 'droptimestamps':
    case 'droptimestampstz':
    case 'dropdatetimes':
      return drops([fixed('created_at'), fixed('updated_at')]);
    case 'dropsoftdeletes':
    case 'dropsoftdeletestz':
    case 'dropsoftdeletesdatetime':
      return drops([a.name(0, 'column', 'deleted_at')]);
    case 'dropremembertoken':
      return drops([fixed('remember_token')]);
    case 'dropmorphs': {
      const name = a.name(0, 'name');
      if (!name) return [];
      const columns = [{ ...name, name: `${name.name}_type` }, { ...name, name: `${name.name}_id` }];
      const index = literalName(a.node(1, 'indexName')) ?? { name: indexName(context.table, columns.map((c) => c.name), 'index'), ...link.nameSpan };
      return [{ ...at, kind: 'drop-index', name: index }, ...drops(columns)];
    }
    case 'foreign': {
      const foreignKey = statementForeignKey(context, links, at, variable);
      return foreignKey ? [{ ...at, kind: 'add-foreign-key', foreignKey }] : [];
    }
    case 'dropforeign':
      return dropForeign(indexByName(context, a, 'foreign'));
    case 'dropconstrainedforeignid': {
      const column = a.name(0, 'column');
      return column ? [...dropForeign({ ...column, name: indexName(context.table, [column.name], 'foreign') }), ...drops([column])] : [];
    }
    case 'dropforeignidfor':
    case 'dropconstrainedforeignidfor': {
      const column = modelColumn();
      if (!column) return [];
      const fk = dropForeign({ ...column, name: indexName(context.table, [column.name], 'foreign') });
      return method === 'dropforeignidfor' ? fk : [...fk, ...drops([column])];
    }
    case 'engine':
    case 'charset':
    case 'collation':
      return tableOption(context, TABLE_OPTIONS[method], a.node(0, method === 'collation' ? 'collation' : method), at, create);
    case 'comment':
      return tableOption(context, 'COMMENT', a.node(0, 'comment'), at, create);
    case 'temporary':
      return [];
    default:
      context.problems.push({ ...link.nameSpan, message: `Cutover does not know the blueprint method \`${link.name}(…)\` (a macro?): this statement is not checked.` });
      return [];
  }
}
