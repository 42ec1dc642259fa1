/**
 * Laravel's column types and column modifiers, mapped the way its MySQL schema grammar compiles them
 * (`string('a')` → VARCHAR(255), `id()` → BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, `->nullable()`, `->default()`…),
 * and the names Laravel generates (`posts_user_id_foreign`, `users` for `user_id`). Laravel 11+ signatures.
 */
import { ColumnDefinition, ColumnType, DefaultValue, IndexKind, Name, Span } from '../model/changes';
import { ChainLink, PhpNode, argument, baseName, booleanLiteral, isNullLiteral, numberLiteral, span, staticCallOf, stringList, stringLiteral } from './phpAst';
import { PhpProblem } from './types';

export interface ReadContext {
  source: string;
  /** The table the blueprint is for. */
  table: string;
  problems: PhpProblem[];
}

/** Reads a blueprint method's arguments by position or PHP 8 name; non-literal values become problems. */
export class Args {
  constructor(
    private readonly context: ReadContext,
    readonly link: ChainLink,
  ) {}

  node(index: number, param: string): PhpNode | undefined {
    return argument(this.link.args, index, param);
  }

  /** A name argument; when absent, `fallback` spanning the method name. */
  name(index: number, param: string, fallback?: string): Name | undefined {
    const node = this.node(index, param);
    const literal = stringLiteral(node);
    if (literal) return { name: literal.value, start: literal.start, end: literal.end };
    if (!node || isNullLiteral(node)) return fallback === undefined ? this.unreadable(node, param) : { name: fallback, ...this.link.nameSpan };
    return this.unreadable(node, param);
  }

  names(index: number, param: string): Name[] | undefined {
    const node = this.node(index, param);
    const list = stringList(node);
    if (list) return list.map((s) => ({ name: s.value, start: s.start, end: s.end }));
    return this.unreadable(node, param);
  }

  number(index: number, param: string, fallback: number | undefined): number | undefined {
    const node = this.node(index, param);
    if (!node || isNullLiteral(node)) return fallback;
    const value = numberLiteral(node);
    return value === undefined ? this.unreadable(node, param) : value;
  }

  flag(index: number, param: string): boolean {
    return booleanLiteral(this.node(index, param)) === true;
  }

  private unreadable(node: PhpNode | undefined, param: string): undefined {
    const where = node ? span(node) : this.link.nameSpan;
    const what = node ? 'is not a literal' : 'is missing';
    this.context.problems.push({ ...where, message: `The ${param} of \`${this.link.name}(…)\` ${what}: Cutover cannot check this statement.` });
    return undefined;
  }
}

/** What a column method adds: its columns, the index it implies (morphs), and whether `->constrained()` may follow. */
export interface TypedColumns {
  columns: ColumnDefinition[];
  index?: { kind: IndexKind; columns: Name[] };
  /** foreignId / foreignUuid / foreignIdFor: the table `->constrained()` refers to when it names none. */
  foreign?: { table?: string };
}

function t(name: string, args: number[] = [], extra: Partial<ColumnType> = {}): ColumnType {
  return { name, args, ...extra };
}

const INTEGERS: Record<string, string> = { tinyinteger: 'TINYINT', smallinteger: 'SMALLINT', mediuminteger: 'MEDIUMINT', integer: 'INT', biginteger: 'BIGINT' };
const INCREMENTS: Record<string, string> = {
  tinyincrements: 'TINYINT', smallincrements: 'SMALLINT', mediumincrements: 'MEDIUMINT', increments: 'INT', integerincrements: 'INT', bigincrements: 'BIGINT', id: 'BIGINT',
};
const PLAIN: Record<string, string> = {
  tinytext: 'TINYTEXT', text: 'TEXT', mediumtext: 'MEDIUMTEXT', longtext: 'LONGTEXT', date: 'DATE', year: 'YEAR', json: 'JSON', jsonb: 'JSON',
  point: 'POINT', linestring: 'LINESTRING', polygon: 'POLYGON', multipoint: 'MULTIPOINT', multilinestring: 'MULTILINESTRING',
  multipolygon: 'MULTIPOLYGON', geometrycollection: 'GEOMETRYCOLLECTION',
};
const WITH_PRECISION: Record<string, string> = { datetime: 'DATETIME', datetimetz: 'DATETIME', time: 'TIME', timetz: 'TIME', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMP' };
/** morphs, nullableMorphs, uuidMorphs, nullableUlidMorphs…: the `_id` column's type and whether both are nullable. */
function morphs(method: string): { id: ColumnType; nullable: boolean } | undefined {
  const match = /^(nullable)?(numeric|uuid|ulid)?morphs$/.exec(method);
  if (!match) return undefined;
  const id = match[2] === 'uuid' ? t('CHAR', [36]) : match[2] === 'ulid' ? t('CHAR', [26]) : t('BIGINT', [], { unsigned: true });
  return { id, nullable: match[1] !== undefined };
}
const TIMESTAMP_PAIRS: Record<string, string> = { timestamps: 'TIMESTAMP', timestampstz: 'TIMESTAMP', nullabletimestamps: 'TIMESTAMP', datetimes: 'DATETIME' };
const SOFT_DELETES: Record<string, string> = { softdeletes: 'TIMESTAMP', softdeletestz: 'TIMESTAMP', softdeletesdatetime: 'DATETIME' };

function precise(name: string, precision: number | undefined): ColumnType {
  return t(name, precision ? [precision] : []);
}

/** The columns a Laravel column method defines, or undefined when `link` is not a column method. */
export function columnsOf(context: ReadContext, link: ChainLink, statement: Span): TypedColumns | undefined {
  const method = link.name.toLowerCase();
  const a = new Args(context, link);
  const column = (name: Name | undefined, type: ColumnType, more: Partial<ColumnDefinition> = {}): ColumnDefinition[] =>
    name ? [{ ...statement, name, type, nullable: false, ...more }] : [];
  const one = (name: Name | undefined, type: ColumnType, more: Partial<ColumnDefinition> = {}): TypedColumns => ({ columns: column(name, type, more) });
  const derived = (base: Name | undefined, suffix: string): Name | undefined => (base ? { ...base, name: `${base.name}${suffix}` } : undefined);

  if (INCREMENTS[method]) {
    return one(a.name(0, 'column', method === 'id' ? 'id' : undefined), t(INCREMENTS[method], [], { unsigned: true }), { autoIncrement: true, primaryKey: true });
  }
  const integer = INTEGERS[method] ?? INTEGERS[method.replace(/^unsigned/, '')];
  if (integer) {
    const unsigned = method.startsWith('unsigned') || a.flag(2, 'unsigned');
    const autoIncrement = a.flag(1, 'autoIncrement');
    return one(a.name(0, 'column'), t(integer, [], { unsigned: unsigned || undefined }), autoIncrement ? { autoIncrement, primaryKey: true } : {});
  }
  if (PLAIN[method]) return one(a.name(0, 'column'), t(PLAIN[method]));
  if (WITH_PRECISION[method]) return one(a.name(0, 'column'), precise(WITH_PRECISION[method], a.number(1, 'precision', undefined)));
  const morph = morphs(method);
  if (morph) {
    const base = a.name(0, 'name');
    const { id, nullable } = morph;
    const type = derived(base, '_type');
    const key = derived(base, '_id');
    const columns = [...column(type, t('VARCHAR', [255]), { nullable }), ...column(key, id, { nullable })];
    return { columns, index: type && key ? { kind: 'index', columns: [type, key] } : undefined };
  }
  if (TIMESTAMP_PAIRS[method]) {
    const type = precise(TIMESTAMP_PAIRS[method], a.number(0, 'precision', undefined));
    const names: Name[] = ['created_at', 'updated_at'].map((name) => ({ name, ...link.nameSpan }));
    return { columns: names.flatMap((name) => column(name, type, { nullable: true })) };
  }
  if (SOFT_DELETES[method]) return one(a.name(0, 'column', 'deleted_at'), precise(SOFT_DELETES[method], a.number(1, 'precision', undefined)), { nullable: true });
  switch (method) {
    case 'string':
      return one(a.name(0, 'column'), t('VARCHAR', [a.number(1, 'length', 255) ?? 255]));
    case 'char':
      return one(a.name(0, 'column'), t('CHAR', [a.number(1, 'length', 255) ?? 255]));
    case 'boolean':
      return one(a.name(0, 'column'), t('TINYINT', [1]));
    case 'decimal':
    case 'unsigneddecimal': {
      const args = [a.number(1, 'total', 8) ?? 8, a.number(2, 'places', 2) ?? 2];
      return one(a.name(0, 'column'), t('DECIMAL', args, { unsigned: method === 'unsigneddecimal' || a.flag(3, 'unsigned') || undefined }));
    }
    case 'float': {
      // MySQL stores FLOAT(p) with p above 24 as DOUBLE; Laravel's default precision is 53.
      const precision = a.number(1, 'precision', 53) ?? 53;
      return one(a.name(0, 'column'), t(precision > 24 ? 'DOUBLE' : 'FLOAT'));
    }
    case 'double':
      return one(a.name(0, 'column'), t('DOUBLE'));
    case 'binary': {
      const length = a.number(1, 'length', undefined);
      return one(a.name(0, 'column'), length ? t(a.flag(2, 'fixed') ? 'BINARY' : 'VARBINARY', [length]) : t('BLOB'));
    }
    case 'uuid':
      return one(a.name(0, 'column', 'uuid'), t('CHAR', [36]));
    case 'ulid':
      return one(a.name(0, 'column', 'ulid'), t('CHAR', [a.number(1, 'length', 26) ?? 26]));
    case 'ipaddress':
      return one(a.name(0, 'column', 'ip_address'), t('VARCHAR', [45]));
    case 'macaddress':
      return one(a.name(0, 'column', 'mac_address'), t('VARCHAR', [17]));
    case 'remembertoken':
      return one({ name: 'remember_token', ...link.nameSpan }, t('VARCHAR', [100]), { nullable: true });
    case 'enum':
    case 'set': {
      const values = a.names(1, 'allowed');
      return one(a.name(0, 'column'), t(method.toUpperCase(), [], { values: values?.map((v) => v.name) ?? [] }));
    }
    case 'geometry':
    case 'geography': {
      const subtype = stringLiteral(a.node(1, 'subtype'))?.value;
      return one(a.name(0, 'column'), t((subtype ?? 'geometry').toUpperCase()));
    }
    case 'foreignid':
    case 'foreignuuid':
    case 'foreignulid': {
      const type = method === 'foreignid' ? t('BIGINT', [], { unsigned: true }) : t('CHAR', [method === 'foreignuuid' ? 36 : a.number(1, 'length', 26) ?? 26]);
      return { columns: column(a.name(0, 'column'), type), foreign: {} };
    }
    case 'foreignidfor': {
      const model = modelName(a.node(0, 'model'));
      const name = stringLiteral(a.node(1, 'column')) ? a.name(1, 'column') : model ? { name: `${snake(model)}_id`, ...link.nameSpan } : a.name(1, 'column');
      return { columns: column(name, t('BIGINT', [], { unsigned: true })), foreign: { table: model ? modelTable(model) : undefined } };
    }
    default:
      return undefined;
  }
}

/** `User::class` → `User`; `'App\Models\User'` → `User`. */
export function modelName(node: PhpNode | undefined): string | undefined {
  const literal = stringLiteral(node);
  if (literal) return baseName(literal.value);
  const lookup = node as (PhpNode & { what?: { kind: string; name?: string }; offset?: { name?: string } }) | undefined;
  if (lookup?.kind === 'staticlookup' && lookup.what?.kind === 'name' && lookup.offset?.name?.toLowerCase() === 'class') return baseName(String(lookup.what.name));
  return undefined;
}

/** What the column modifiers of a chain said, besides what they set on the columns. */
export interface Modifiers {
  change: boolean;
  /** `->index()`, `->unique()`, `->primary()`, `->fullText()`, `->spatialIndex()`, with the explicit name if given. */
  indexes: Array<{ kind: IndexKind; link: ChainLink; name?: Name }>;
  /** Index in the chain of `->constrained()` / `->references()`, where the foreign key starts. */
  foreignKeyAt?: number;
}

const INDEX_MODIFIERS: Record<string, IndexKind> = { index: 'index', unique: 'unique', primary: 'primary', fulltext: 'fulltext', spatialindex: 'spatial' };

/** Applies `links[from…]` (the modifiers after the column method) to the columns. */
export function applyModifiers(context: ReadContext, columns: ColumnDefinition[], links: readonly ChainLink[], from: number): Modifiers {
  const result: Modifiers = { change: false, indexes: [] };
  for (let i = from; i < links.length; i++) {
    const link = links[i];
    const method = link.name.toLowerCase();
    const first = argument(link.args, 0, undefined);
    const set = (more: Partial<ColumnDefinition>) => columns.forEach((c) => Object.assign(c, more));
    if (method === 'constrained' || method === 'references') {
      result.foreignKeyAt = i;
      break;
    }
    if (INDEX_MODIFIERS[method]) {
      if (booleanLiteral(first) === false) continue;
      const literal = stringLiteral(first);
      result.indexes.push({ kind: INDEX_MODIFIERS[method], link, name: literal ? { name: literal.value, start: literal.start, end: literal.end } : undefined });
      continue;
    }
    switch (method) {
      case 'change':
        result.change = true;
        break;
      case 'nullable': {
        const value = first === undefined ? true : booleanLiteral(first);
        set({ nullable: value });
        break;
      }
      case 'default':
        if (first) set({ default: defaultValue(context.source, first) });
        break;
      case 'usecurrent':
        columns.forEach((c) => (c.default = { kind: 'current-timestamp', text: `CURRENT_TIMESTAMP${c.type.args.length > 0 ? `(${c.type.args[0]})` : ''}` }));
        break;
      case 'usecurrentonupdate':
        set({ onUpdateCurrentTimestamp: true });
        break;
      case 'autoincrement':
        set({ autoIncrement: true, primaryKey: true });
        break;
      case 'unsigned':
        columns.forEach((c) => (c.type = { ...c.type, unsigned: true }));
        break;
      case 'charset':
      case 'collation': {
        const value = stringLiteral(first)?.value;
        if (value) columns.forEach((c) => (c.type = { ...c.type, [method === 'charset' ? 'charset' : 'collate']: value.toLowerCase() }));
        break;
      }
      case 'after': {
        const literal = stringLiteral(first);
        if (literal) set({ position: { kind: 'after', column: { name: literal.value, start: literal.start, end: literal.end } } });
        break;
      }
      case 'first':
        set({ position: { kind: 'first' } });
        break;
      case 'storedas':
      case 'virtualas':
        set({ generated: { stored: method === 'storedas' } });
        break;
      case 'comment': {
        const value = stringLiteral(first)?.value;
        if (value !== undefined) set({ comment: value });
        break;
      }
      case 'invisible':
        set({ invisible: booleanLiteral(first) !== false });
        break;
      default:
        // from(), startingValue(), lock(), always()…: nothing the rules look at.
        break;
    }
  }
  // An auto-increment column that is changed is not made a primary key again (Laravel's modifyIncrement).
  if (result.change) columns.forEach((c) => delete c.primaryKey);
  return result;
}

const CURRENT_TIMESTAMP = /^\s*(?:CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)\s*(?:\(\s*\d*\s*\))?\s*$/i;

/** `->default(v)` as the SQL Laravel writes: strings quoted, booleans 1/0, `DB::raw(…)` / `new Expression(…)` verbatim. */
export function defaultValue(source: string, node: PhpNode): DefaultValue {
  if (isNullLiteral(node)) return { kind: 'null' };
  const literal = stringLiteral(node);
  if (literal) return { kind: 'literal', text: `'${literal.value.replace(/'/g, "''")}'` };
  const flag = booleanLiteral(node);
  if (flag !== undefined) return { kind: 'literal', text: flag ? '1' : '0' };
  const raw = rawExpression(node);
  if (raw !== undefined) {
    if (CURRENT_TIMESTAMP.test(raw)) return { kind: 'current-timestamp', text: raw.trim() };
    if (/^\s*null\s*$/i.test(raw)) return { kind: 'null' };
    if (/^\s*(?:-?\d+(?:\.\d+)?|'(?:[^']|'')*')\s*$/.test(raw)) return { kind: 'literal', text: raw.trim() };
    return { kind: 'expression', text: raw.trim() };
  }
  // Any other PHP value (a number, a constant, an enum case) is written as a quoted literal.
  return { kind: 'literal', text: source.slice(span(node).start, span(node).end) };
}

/** The SQL of `DB::raw('…')` or `new Expression('…')`, when it is a literal. */
function rawExpression(node: PhpNode): string | undefined {
  const call = staticCallOf(node);
  if (call && baseName(call.className) === 'DB' && call.method.toLowerCase() === 'raw') return stringLiteral(argument(call.args, 0, 'value'))?.value;
  const created = node as PhpNode & { what?: { kind: string; name?: string }; arguments?: PhpNode[] };
  if (created.kind === 'new' && created.what?.kind === 'name' && baseName(String(created.what.name)) === 'Expression') {
    return stringLiteral(argument(created.arguments ?? [], 0, 'value'))?.value;
  }
  return undefined;
}

/** `OrderItem` → `order_item` (Str::snake). */
export function snake(name: string): string {
  return name.replace(/([a-z\d])([A-Z])/g, '$1_$2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** The table Eloquent infers for a model: `OrderItem` → `order_items`. */
export function modelTable(model: string): string {
  return plural(snake(model));
}

const IRREGULAR: Record<string, string> = { person: 'people', man: 'men', woman: 'women', child: 'children', mouse: 'mice', goose: 'geese', tooth: 'teeth', foot: 'feet', ox: 'oxen' };
const UNCOUNTABLE = new Set(['data', 'information', 'equipment', 'news', 'series', 'species', 'metadata', 'feedback', 'media', 'audio', 'sheep', 'fish']);

/** English plural of the last word, as Laravel's Str::plural does for table names (`category` → `categories`). */
export function plural(word: string): string {
  const match = /^(.*?)([a-z]+)$/i.exec(word);
  if (!match) return word;
  const [, head, last] = match;
  const lower = last.toLowerCase();
  if (UNCOUNTABLE.has(lower)) return word;
  if (IRREGULAR[lower]) return head + IRREGULAR[lower];
  const rules: Array<[RegExp, string]> = [
    [/(quiz)$/, '$1zes'],
    [/(matr|vert|ind)(?:ix|ex)$/, '$1ices'],
    [/(x|ch|ss|sh|us|z)$/, '$1es'],
    [/([^aeiouy]|qu)y$/, '$1ies'],
    [/(?:([^f])fe|([lr])f)$/, '$1$2ves'],
    [/sis$/, 'ses'],
    [/s$/, 's'],
  ];
  for (const [pattern, replacement] of rules) if (pattern.test(lower)) return head + lower.replace(pattern, replacement);
  return `${head}${last}s`;
}

/** Laravel's generated index name: `posts_user_id_foreign`, `users_email_unique`. */
export function indexName(table: string, columns: readonly string[], type: string): string {
  return `${table}_${columns.join('_')}_${type}`.toLowerCase().replace(/[-.]/g, '_');
}
