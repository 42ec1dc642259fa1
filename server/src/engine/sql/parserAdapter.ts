// The node-sql-parser reader: the only module that imports node-sql-parser. The parser decides what a statement
// is; every span comes from our own tokens, lined up with the AST item by item. When the parser rejects a statement,
// or its AST and the tokens disagree anywhere, the result is undefined and the caller uses the token-level reader.
import { Parser } from 'node-sql-parser/build/mysql';
import { AlterAction, AlterTable, CreateIndex, CreateTable, DropIndex, DropTable, IndexKind, Name, RenameTable, RoutineOrObject, SchemaChange } from '../model/changes';
import { Token, isTrivia, significant } from './lexer';
import { Statement } from './splitter';
import { splitTopLevel } from './tokenCursor';
import {
  Ast, Tokens, columnName, columnPlace, keyKind, need, readColumn, readForeignKey, readIndex, readKeyParts, readTableOption, skip, squash, tableName,
} from './parserAdapterColumns';

/** Longer statements are not parsed (a huge INSERT would only cost time; the token reader handles it). */
const MAX_LENGTH = 200_000;

let parser: Parser | undefined;

/**
 * The statement read by node-sql-parser (MySQL dialect) and mapped onto the model, with every span taken from our
 * tokens; undefined when the parser rejects the statement, or when its AST cannot be lined up with the tokens (the
 * caller then uses the token-level reader). Never throws.
 */
export function readWithParser(statement: Statement): SchemaChange | undefined {
  try {
    if (statement.text.length > MAX_LENGTH) return undefined;
    // An unterminated string, name or comment (executable ones included) is an error to MySQL.
    if (statement.tokens.some((t) => t.unterminated)) return undefined;
    const tokens = significant(statement.tokens);
    if (tokens.length === 0) return undefined;
    parser ??= new Parser();
    let ast: Ast = parser.astify(parseText(statement.tokens), { database: 'MySQL' });
    if (Array.isArray(ast)) {
      if (ast.length !== 1) return undefined;
      ast = ast[0];
    }
    if (!ast || typeof ast !== 'object') return undefined;
    return mapStatement(new Tokens(tokens, statement.text, statement.start), ast);
  } catch {
    // The parser's syntax errors, Misaligned from the line-up, and anything unexpected in the AST.
    return undefined;
  }
}

/**
 * The text handed to the parser: the significant tokens, with a single space wherever the source had whitespace, a
 * comment or an executable-comment marker (`/*!40101` … `*\/`, whose contents MySQL runs). Tokens written together
 * stay together (`b'0'`, `_utf8mb4'x'`). The single space also matters to node-sql-parser, which only accepts
 * `NOT NULL` with exactly one space between the words.
 */
export function parseText(tokens: readonly Token[]): string {
  let text = '';
  let gap = false;
  for (const token of tokens) {
    if (isTrivia(token)) {
      gap = true;
      continue;
    }
    if (gap && text) text += ' ';
    gap = false;
    text += token.text;
  }
  return text;
}

function mapStatement(r: Tokens, ast: Ast): SchemaChange {
  const verb: string = need(r.t[0].kind === 'word' ? r.t[0].upper : r.punct(0, '(') ? 'SELECT' : undefined);
  switch (ast.type) {
    case 'create':
      need(verb === 'CREATE');
      return create(r, ast);
    case 'alter':
      need(verb === 'ALTER');
      return alterTable(r, ast);
    case 'drop':
      need(verb === 'DROP');
      return drop(r, ast);
    case 'rename':
      need(verb === 'RENAME');
      return renameTable(r, ast);
    case 'truncate': {
      need(verb === 'TRUNCATE');
      const table = r.qualified(r.word(1, 'TABLE') ? 2 : 1, tableName(ast.name));
      need(table.next === r.length);
      return { kind: 'truncate-table', table: table.name };
    }
    case 'insert': case 'replace': case 'update': case 'delete': case 'load_data':
      return { kind: 'dml', verb };
    case 'set': case 'use': case 'lock': case 'unlock': case 'transaction':
      return { kind: 'session', verb };
    case 'select': case 'show': case 'desc': case 'explain':
      return { kind: 'query', verb };
    default:
      // Bare `x = 1` assignments (procedural syntax) come back without a type.
      need(typeof ast.type === 'string');
      return { kind: 'other', verb };
  }
}

function create(r: Tokens, ast: Ast): SchemaChange {
  switch (ast.keyword) {
    case 'table':
      return createTable(r, ast);
    case 'index':
      return createIndex(r, ast);
    case 'database': case 'schema': case 'view': case 'trigger':
      return object(r, 'create-object', ast);
    default:
      return { kind: 'other', verb: 'CREATE' };
  }
}

function drop(r: Tokens, ast: Ast): SchemaChange {
  switch (ast.keyword) {
    case 'table':
      return dropTable(r, ast);
    case 'index':
      return dropIndex(r, ast);
    case 'database': case 'schema': case 'view': case 'trigger':
      return object(r, 'drop-object', ast);
    default:
      return { kind: 'other', verb: 'DROP' };
  }
}

function createTable(r: Tokens, ast: Ast): CreateTable {
  let at = 1;
  const temporary = r.word(at, 'TEMPORARY');
  if (temporary) at++;
  need(temporary === Boolean(ast.temporary) && r.word(at++, 'TABLE'));
  const ifNotExists = r.words(at, 'IF', 'NOT', 'EXISTS');
  if (ifNotExists) at += 3;
  need(ifNotExists === Boolean(ast.if_not_exists));
  const table = r.qualified(at, tableName(ast.table));
  at = table.next;
  const change: CreateTable = {
    kind: 'create-table', table: table.name, ifNotExists, temporary, columns: [], indexes: [], foreignKeys: [], options: [], definitions: [],
  };
  if (ast.like) {
    const parenthesised = r.punct(at, '(');
    if (parenthesised) at++;
    need(r.word(at, 'LIKE'));
    const like = r.qualified(at + 1, tableName(ast.like.table));
    need(parenthesised ? r.punct(like.next, ')') && like.next + 1 === r.length : like.next === r.length);
    change.like = like.name;
    return change;
  }
  const definitions = ast.create_definitions;
  if (Array.isArray(definitions)) {
    const close = r.close(at);
    const parts = splitTopLevel(r.t, at + 1, close);
    need(parts.length === definitions.length);
    parts.forEach(([s, e], k) => {
      need(s < e);
      readDefinition(r, s, e, definitions[k], change);
      change.definitions.push(k < parts.length - 1 ? { ...r.span(s, e), commaAfter: r.span(e, e + 1) } : r.span(s, e));
    });
    at = close + 1;
  }
  for (const option of Array.isArray(ast.table_options) ? ast.table_options : []) {
    if (change.options.length > 0 && r.punct(at, ',')) at++;
    const read = readTableOption(r, at, r.length, option?.keyword);
    change.options.push(read.option);
    at = read.next;
  }
  if (ast.query_expr) {
    need(at < r.length);
    change.asSelect = true;
  } else {
    need(at === r.length && Array.isArray(definitions));
  }
  return change;
}

function readDefinition(r: Tokens, s: number, e: number, node: Ast, change: CreateTable): void {
  if (node?.resource === 'column') {
    change.columns.push(readColumn(r, { nameAt: s, attributesEnd: e, end: e }, node));
    return;
  }
  const kind = need(keyKind(node));
  if (kind === 'foreign-key') change.foreignKeys.push(readForeignKey(r, s, e, node));
  else if (kind === 'check') need(r.findWord(s, e, 'CHECK') >= 0);
  else change.indexes.push(readIndex(r, s, e, s, kind, node));
}

/** An ALTER TABLE clause without its span, which alterTable adds. */
type Body<A = AlterAction> = A extends unknown ? Omit<A, 'start' | 'end'> : never;

function alterTable(r: Tokens, ast: Ast): AlterTable {
  need(r.word(1, 'TABLE'));
  const table = r.qualified(2, tableName(ast.table));
  const clauses: Ast[] = need(Array.isArray(ast.expr) && ast.expr);
  const parts = splitTopLevel(r.t, table.next, r.length);
  const change: AlterTable = { kind: 'alter-table', table: table.name, actions: [], commasAfter: [] };
  let p = 0;
  for (const clause of clauses) {
    const s = need(parts[p])[0];
    // `DROP PARTITION p1, p2` is one clause over several comma-separated parts.
    const names = squash(clause?.resource) === 'partition' && !r.punct(s + 2, '(') && Array.isArray(clause.partitions) ? clause.partitions.length : 1;
    const e = need(parts[p + names - 1])[1];
    p += names;
    need(s < e);
    change.actions.push({ ...alterAction(r, s, e, clause), ...r.span(s, e) } as AlterAction);
    change.commasAfter.push(p < parts.length ? r.span(e, e + 1) : undefined);
  }
  need(p === parts.length && parts.length > 0);
  return change;
}

function alterAction(r: Tokens, s: number, e: number, x: Ast): Body {
  const action = squash(x?.action);
  const verb = action.toUpperCase();
  if (action) need(r.word(s, verb));
  switch (squash(x?.resource)) {
    case 'column': {
      if (action === 'add' || action === 'modify') {
        const column = readColumn(r, columnPlace(r, skip(r, s + 1, 'COLUMN'), e, x.suffix), x);
        return action === 'add' ? { kind: 'add-column', column } : { kind: 'modify-column', column };
      }
      if (action === 'change') {
        const fromAt = skip(r, s + 1, 'COLUMN');
        const from = r.name(fromAt, columnName(x.old_column));
        return { kind: 'change-column', from, column: readColumn(r, columnPlace(r, fromAt + 1, e, x.suffix), x) };
      }
      if (action === 'drop') {
        const at = skip(r, s + 1, 'COLUMN');
        need(at === e - 1);
        return { kind: 'drop-column', column: r.name(at, columnName(x.column)) };
      }
      need(action === 'rename' && r.word(s + 1, 'COLUMN') && r.word(s + 3, 'TO') && e === s + 5);
      return { kind: 'rename-column', from: r.name(s + 2, columnName(x.old_column)), to: r.name(s + 4, columnName(x.column)) };
    }
    case 'index':
      if (action === 'add') return { kind: 'add-index', index: readIndex(r, s, e, s + 1, need(keyKind(x)) as IndexKind, x) };
      need(action === 'drop' && r.word(s + 1, 'INDEX', 'KEY') && e === s + 3);
      return { kind: 'drop-index', name: r.name(s + 2, x.index) };
    case 'key': {
      const keyword = squash(x.keyword);
      need(action === 'drop');
      if (keyword === 'primarykey') {
        need(r.words(s + 1, 'PRIMARY', 'KEY') && e === s + 3);
        return { kind: 'drop-primary-key' };
      }
      if (keyword === 'foreignkey') {
        need(r.words(s + 1, 'FOREIGN', 'KEY') && e === s + 4);
        return { kind: 'drop-foreign-key', name: r.name(s + 3, x.key) };
      }
      need(keyword === 'key' && r.word(s + 1, 'KEY') && e === s + 3);
      return { kind: 'drop-index', name: r.name(s + 2, x.key) };
    }
    case 'constraint':
      if (action === 'add') {
        const definition = x.create_definitions;
        const kind = need(keyKind(definition));
        if (kind === 'foreign-key') return { kind: 'add-foreign-key', foreignKey: readForeignKey(r, s, e, definition) };
        if (kind === 'check') return { kind: 'add-check' };
        return { kind: 'add-index', index: readIndex(r, s, e, s + 1, kind, definition) };
      }
      if (action === 'drop') {
        // DROP CONSTRAINT may name any constraint; like the token reader, it is read as dropping a check.
        need(r.word(s + 1, 'CHECK', 'CONSTRAINT') && e === s + 3);
        return { kind: 'drop-check', name: r.name(s + 2, x.constraint) };
      }
      // WITH CHECK CHECK CONSTRAINT / NOCHECK CONSTRAINT: SQL Server syntax the parser accepts; MySQL does not.
      return { kind: 'other', text: r.source(s, e) };
    case 'table': {
      need(action === 'rename');
      const to = r.qualified(skip(r, s + 1, 'TO', 'AS'), x.table);
      need(to.next === e);
      return { kind: 'rename-table', to: to.name };
    }
    case 'algorithm': case 'lock': {
      const which = squash(x.resource);
      need(r.word(s, which.toUpperCase()));
      const at = r.punct(s + 1, '=') ? s + 2 : s + 1;
      need(at === e - 1);
      const value = r.t[at].text.toUpperCase();
      need(value === String(x[which]).toUpperCase());
      return which === 'algorithm' ? { kind: 'algorithm', value } : { kind: 'lock', value };
    }
    case 'partition':
      return { kind: 'partitioning' };
    default: {
      if (action || !x?.keyword) return { kind: 'other', text: r.source(s, e) };
      const option = readTableOption(r, s, e, x.keyword);
      need(option.next === e);
      return { kind: 'table-option', option: option.option };
    }
  }
}

const INDEX_MODIFIERS: Record<string, IndexKind> = { unique: 'unique', fulltext: 'fulltext', spatial: 'spatial' };

function createIndex(r: Tokens, ast: Ast): CreateIndex {
  let at = 1;
  const modifier = squash(ast.index_type);
  const kind: IndexKind = modifier ? need(INDEX_MODIFIERS[modifier]) : 'index';
  if (modifier) need(r.word(at++, modifier.toUpperCase()));
  need(r.word(at, 'INDEX'));
  const name = r.name(at + 1, typeof ast.index === 'string' ? ast.index : ast.index?.name);
  at += 2;
  if (r.word(at, 'USING')) at += 2;
  need(r.word(at, 'ON'));
  const table = r.qualified(at + 1, tableName(ast.table));
  const parts = readKeyParts(r, table.next, ast.index_columns);
  const change: CreateIndex = {
    kind: 'create-index', table: table.name,
    index: { kind, name, columns: parts.columns, columnsSpan: parts.span, ...r.span(1, r.length) },
  };
  return Object.assign(change, algorithmAndLock(r, parts.close + 1, [ast.algorithm_option, ast.lock_option]));
}

function dropIndex(r: Tokens, ast: Ast): DropIndex {
  need(r.word(1, 'INDEX') && r.word(3, 'ON'));
  const name = r.name(2, columnName(ast.name));
  const table = r.qualified(4, tableName(ast.table));
  const change: DropIndex = { kind: 'drop-index', table: table.name, name };
  return Object.assign(change, algorithmAndLock(r, table.next, Array.isArray(ast.options) ? ast.options : []));
}

/** Trailing `ALGORITHM [=] x` and `LOCK [=] y` of CREATE/DROP INDEX, checked against the AST's options. */
function algorithmAndLock(r: Tokens, from: number, options: Ast[]): { algorithm?: string; lock?: string } {
  const found: { algorithm?: string; lock?: string } = {};
  for (const option of options) {
    const which = squash(option?.resource);
    if (which !== 'algorithm' && which !== 'lock') {
      need(!option);
      continue;
    }
    const at = r.findWord(from, r.length, which.toUpperCase());
    need(at >= 0);
    const valueAt = r.punct(at + 1, '=') ? at + 2 : at + 1;
    const value = need(r.t[valueAt]).text.toUpperCase();
    need(value === String(option[which]).toUpperCase());
    found[which] = value;
  }
  return found;
}

function dropTable(r: Tokens, ast: Ast): DropTable {
  let at = 1;
  const temporary = r.word(at, 'TEMPORARY');
  if (temporary) at++;
  need(r.word(at++, 'TABLE'));
  const ifExists = r.words(at, 'IF', 'EXISTS');
  if (ifExists) at += 2;
  need(ifExists === (squash(ast.prefix) === 'ifexists'));
  const names: Ast[] = need(Array.isArray(ast.name) && ast.name);
  const tables = names.map((node, k): Name => {
    if (k > 0) need(r.punct(at++, ','));
    const table = r.qualified(at, node?.table);
    at = table.next;
    return table.name;
  });
  need(at === r.length);
  return { kind: 'drop-table', tables, ifExists, temporary };
}

function renameTable(r: Tokens, ast: Ast): RenameTable {
  need(r.word(1, 'TABLE'));
  let at = 2;
  const pairs: Ast[] = need(Array.isArray(ast.table) && ast.table);
  const change: RenameTable = { kind: 'rename-table', pairs: [] };
  pairs.forEach((pair, k) => {
    if (k > 0) need(r.punct(at++, ','));
    const from = r.qualified(at, tableName(pair?.[0]));
    need(r.word(from.next, 'TO'));
    const to = r.qualified(from.next + 1, tableName(pair?.[1]));
    at = to.next;
    change.pairs.push({ from: from.name, to: to.name });
  });
  need(at === r.length);
  return change;
}

/** The object's name as the AST gives it, per statement and object type. */
function objectName(ast: Ast): unknown {
  const drop = ast.type === 'drop';
  switch (ast.keyword) {
    case 'database': case 'schema':
      return drop ? ast.name : ast[ast.keyword]?.schema?.[0]?.value;
    case 'view':
      return drop ? ast.name?.[0]?.table : ast.view?.view;
    default:
      return drop ? ast.name?.[0]?.trigger : ast.trigger?.table;
  }
}

function object(r: Tokens, kind: RoutineOrObject['kind'], ast: Ast): RoutineOrObject {
  const objectType = String(ast.keyword).toUpperCase() as RoutineOrObject['objectType'];
  const at = kind === 'drop-object' ? 1 : r.findWord(1, r.length, objectType);
  need(at >= 1 && r.word(at, objectType));
  let nameAt = at + 1;
  if (r.words(nameAt, 'IF', 'NOT', 'EXISTS')) nameAt += 3;
  else if (r.words(nameAt, 'IF', 'EXISTS')) nameAt += 2;
  return { kind, objectType, name: r.qualified(nameAt, objectName(ast)).name, keyword: r.span(at, at + 1) };
}
