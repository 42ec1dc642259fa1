/**
 * The Doctrine Migrations reader: the SQL of every `$this->addSql(…)` in `up()` (rollback false) and `down()`
 * (rollback true) of the file's migration classes, in source order (inside `if`s, loops, `try` blocks and closures
 * too), decoded with its way back to the PHP source (see embeddedSql.ts).
 *
 * A class counts as a Doctrine migration when it extends `AbstractMigration` (any namespace), when its up()/down()
 * take a `Schema` parameter, or when they call `$this->addSql()` (projects with their own base class).
 *
 * Platform guards decide what runs on MySQL (MariaDB counts as MySQL; the conditions read are `… instanceof
 * XPlatform` on a platform and `…->getName()` compared with a string literal, combined with `!`, `&&`, `||`,
 * `and`, `or`; anything else is "unknown" and both branches are kept):
 * - `if (<MySQL>) { A } else { B }` keeps A and skips B; `if (<not MySQL>) { A } else { B }` skips A and keeps B
 *   (`elseif` chains likewise). When the branch that runs on MySQL ends in `return`/`throw`, what follows the `if` in
 *   that block is skipped too (`if ($platform instanceof MySQLPlatform) { …; return; } /* Postgres SQL *\/`).
 * - `$this->abortIf(<not MySQL>, …)` / `$this->skipIf(<not MySQL>, …)` mean "MySQL only": everything is kept.
 * - `$this->abortIf(<MySQL>, …)` / `skipIf(<MySQL>, …)` mean the migration never runs on MySQL: directly in the
 *   method (or in branches known to run on MySQL) the whole method is skipped, with an information problem saying
 *   so; deeper down (under an unknown condition, a loop…) only the rest of that block is skipped.
 *
 * Doctrine's Schema API (`$schema->createTable()`, `$schema->getTable('t')->addColumn()`, …) is not SQL: one
 * information problem per method that uses it says those changes are not checked. `$this->connection->executeStatement()`
 * and the like (run immediately, usually for data) are not read.
 */
import type { Node, Program } from 'php-parser';
import { EmbeddedSql, PhpIgnoreComment, PhpProblem } from './types';
import { embeddedSqlOf, isPhpProblem } from './embeddedSql';
import {
  MigrationMethod, argument, baseName, expressionEnd, ignoreComments, methodChain, migrationMethods, parsePhp, span,
  variableName, walk,
} from './phpAst';

export interface DoctrineMigration {
  embedded: EmbeddedSql[];
  problems: PhpProblem[];
  ignores: PhpIgnoreComment[];
}

type Loose = Node & Record<string, any>;

/** Never throws: a PHP syntax error (or a reader bug) is one problem. */
export function readDoctrineMigration(source: string): DoctrineMigration {
  const parsed = parsePhp(source);
  if (!parsed.program) return { embedded: [], problems: [parsed.problem], ignores: [] };
  try {
    const program = parsed.program;
    const embedded: EmbeddedSql[] = [];
    const problems: PhpProblem[] = [];
    for (const method of doctrineMethods(source, program)) {
      const found = readMethod(source, method);
      embedded.push(...found.embedded);
      problems.push(...found.problems);
    }
    problems.sort((a, b) => a.start - b.start);
    return { embedded, problems, ignores: ignoreComments(source, program) };
  } catch (error) {
    const message = `The Doctrine migration could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { embedded: [], problems: [{ start: 0, end: Math.min(1, source.length), message }], ignores: [] };
  }
}

/** up()/down() of the classes that look like Doctrine migrations. */
function doctrineMethods(source: string, program: Program): MigrationMethod[] {
  const classes: Loose[] = [];
  walk(program, (node) => {
    if (node.kind === 'class') classes.push(node as Loose);
  });
  const methods = migrationMethods(program);
  return methods.filter((m) => {
    const owner = innermost(classes, span(m.method).start);
    if (!owner) return false;
    const extendsName = owner.extends?.kind === 'name' ? String(owner.extends.name) : '';
    if (/AbstractMigration$/i.test(baseName(extendsName))) return true;
    const siblings = methods.filter((s) => innermost(classes, span(s.method).start) === owner);
    return siblings.some((s) => schemaParameter(s) !== undefined || callsAddSql(source, s));
  });
}

function innermost(classes: Loose[], offset: number): Loose | undefined {
  let best: Loose | undefined;
  for (const c of classes) {
    const { start, end } = span(c);
    if (start <= offset && offset < end && (!best || start >= span(best).start)) best = c;
  }
  return best;
}

function schemaParameter(m: MigrationMethod): string | undefined {
  const param = ((m.method as Loose).arguments ?? [])[0] as Loose | undefined;
  if (param?.type?.kind !== 'name' || baseName(String(param.type.name)) !== 'Schema') return undefined;
  return typeof param.name?.name === 'string' ? param.name.name : undefined;
}

function callsAddSql(source: string, m: MigrationMethod): boolean {
  let found = false;
  walk(m.body, (node) => {
    if (thisCall(source, node) === 'addsql') found = true;
  });
  return found;
}

/** `$this->name(…)` → the lower-cased name (PHP method names are case-insensitive). */
function thisCall(source: string, node: Node): string | undefined {
  if (node.kind !== 'call') return undefined;
  const chain = methodChain(source, node);
  if (!chain || chain.links.length !== 1 || variableName(chain.root) !== 'this') return undefined;
  return chain.links[0].name.toLowerCase();
}

/** The Schema API methods that change the schema (reads such as `hasTable()` are fine). */
const SCHEMA_API = new Set([
  'createtable', 'gettable', 'droptable', 'renametable', 'createsequence', 'getsequence', 'dropsequence',
  'createnamespace', 'createview', 'dropview',
]);

type Truth = 'mysql' | 'other' | 'unknown';

function readMethod(source: string, m: MigrationMethod): { embedded: EmbeddedSql[]; problems: PhpProblem[] } {
  const embedded: EmbeddedSql[] = [];
  const problems: PhpProblem[] = [];
  const schemaVar = schemaParameter(m) ?? 'schema';
  const schemaCalls: Node[] = [];
  let skippedBy: Node | undefined;

  /** Visits statements in order; true when control does not get past them on MySQL. `sure`: they surely run. */
  const visitList = (statements: readonly Node[], sure: boolean): boolean => {
    for (const statement of statements) {
      const s = statement as Loose;
      const guard = s.kind === 'expressionstatement' ? thisCall(source, s.expression) : undefined;
      const condition = guard === 'abortif' || guard === 'skipif' ? argument(s.expression.arguments ?? [], 0, 'condition') : undefined;
      if (condition) {
        if (platformTruth(source, condition) === 'mysql') {
          if (sure) skippedBy ??= s.expression;
          return true;
        }
        continue;
      }
      if (s.kind === 'if' || s.kind === 'block') {
        if (visitBranch(s, sure)) return true;
        continue;
      }
      visitNode(s);
      if (s.kind === 'return' || s.kind === 'throw' ||
        (s.kind === 'expressionstatement' && (s.expression?.kind === 'throw' || s.expression?.kind === 'exit'))) {
        return true;
      }
    }
    return false;
  };

  const visitBranch = (node: Loose, sure: boolean): boolean =>
    node.kind === 'block' ? visitList(node.children ?? [], sure) : node.kind === 'if' ? visitIf(node, sure) : visitList([node], sure);

  const visitIf = (node: Loose, sure: boolean): boolean => {
    visitNode(node.test);
    const truth = platformTruth(source, node.test);
    if (truth === 'mysql') return node.body ? visitBranch(node.body, sure) : false;
    if (truth === 'other') return node.alternate ? visitBranch(node.alternate, sure) : false;
    const inBody = node.body ? visitBranch(node.body, false) : false;
    const inAlternate = node.alternate ? visitBranch(node.alternate, false) : false;
    return inBody && inAlternate;
  };

  /** Anything else: collect addSql and Schema API calls; nested blocks and ifs go through visitList/visitIf. */
  const visitNode = (root: Node | null | undefined): void => {
    if (!root) return;
    walk(root, (node) => {
      if (node !== root && node.kind === 'block') { visitList((node as Loose).children ?? [], false); return false; }
      if (node !== root && node.kind === 'if') { visitIf(node as Loose, false); return false; }
      if (thisCall(source, node) === 'addsql') {
        const sql = argument((node as Loose).arguments ?? [], 0, 'sql');
        if (sql) {
          const result = embeddedSqlOf(sql, source, m.rollback);
          if (isPhpProblem(result)) problems.push(result);
          else embedded.push(result);
        }
        return false;
      }
      if (isSchemaApiCall(node, schemaVar)) schemaCalls.push(node);
      return undefined;
    });
  };

  visitList(m.body.children ?? [], true);

  const name = `${m.name}()`;
  if (skippedBy) {
    const guard = source.slice(span(skippedBy).start, expressionEnd(source, skippedBy)).split('(')[0];
    return {
      embedded: [],
      problems: [{ ...spanOf(source, skippedBy), message: `${name} does not run on MySQL (${guard}(…) with a MySQL platform check): its SQL is not checked.` }],
    };
  }
  if (schemaCalls.length > 0) {
    const first = schemaCalls[0] as Loose;
    const what = `$${schemaVar}->${String(first.what.offset.name)}()`;
    const count = schemaCalls.length > 1 ? ` and ${schemaCalls.length - 1} more Schema API call${schemaCalls.length > 2 ? 's' : ''}` : '';
    problems.push({
      ...spanOf(source, first),
      message: `${name} changes the schema through Doctrine's Schema API (${what}${count}): only SQL in $this->addSql() is checked, these changes are not.`,
    });
  }
  return { embedded, problems };
}

function spanOf(source: string, node: Node): { start: number; end: number } {
  return { start: span(node).start, end: expressionEnd(source, node) };
}

/** `$schema->createTable(…)` (also as the start of a chain: `$schema->getTable('t')->addColumn(…)`). */
function isSchemaApiCall(node: Node, schemaVar: string): boolean {
  const call = node as Loose;
  if (call.kind !== 'call' || call.what?.kind !== 'propertylookup' || call.what.offset?.kind !== 'identifier') return false;
  return variableName(call.what.what) === schemaVar && SCHEMA_API.has(String(call.what.offset.name).toLowerCase());
}

const MYSQL_PLATFORM = /^(Abstract)?(MySQL|MariaDB?)\d*Platform$/i;
const OTHER_PLATFORM = /^(Abstract)?(PostgreSQL|Sqlite|SQLServer|Oracle|DB2|Drizzle|SQLAnywhere)\d*Platform$/i;
const MYSQL_NAME = /^(mysql|mysqli|pdo_mysql|mariadb)$/i;

/** Whether a condition holds on MySQL: 'mysql' (always), 'other' (never), 'unknown'. */
export function platformTruth(source: string, node: Node | null | undefined): Truth {
  const n = node as Loose | null | undefined;
  if (!n) return 'unknown';
  if (n.kind === 'unary' && n.type === '!') return negate(platformTruth(source, n.what));
  if (n.kind === 'cast' && n.type === 'bool') return platformTruth(source, n.expr);
  if (n.kind !== 'bin') return 'unknown';
  const type = String(n.type).toLowerCase();
  if (type === '&&' || type === 'and') return both(platformTruth(source, n.left), platformTruth(source, n.right));
  if (type === '||' || type === 'or') {
    return negate(both(negate(platformTruth(source, n.left)), negate(platformTruth(source, n.right))));
  }
  if (type === 'instanceof') {
    const cls = n.right?.kind === 'name' ? baseName(String(n.right.name)) : '';
    return MYSQL_PLATFORM.test(cls) ? 'mysql' : OTHER_PLATFORM.test(cls) ? 'other' : 'unknown';
  }
  if (['==', '===', '!=', '!==', '<>'].includes(type)) {
    const name = platformName(source, n.left, n.right) ?? platformName(source, n.right, n.left);
    if (name === undefined) return 'unknown';
    const equal: Truth = MYSQL_NAME.test(name) ? 'mysql' : 'other';
    return type.startsWith('=') ? equal : negate(equal);
  }
  return 'unknown';
}

/** `…platform…->getName()` (or a driver's) compared with a string literal → that literal. */
function platformName(source: string, call: Loose | undefined, literal: Loose | undefined): string | undefined {
  if (literal?.kind !== 'string' || typeof literal.value !== 'string') return undefined;
  if (call?.kind !== 'call' || call.what?.kind !== 'propertylookup') return undefined;
  if (call.what.offset?.kind !== 'identifier' || String(call.what.offset.name).toLowerCase() !== 'getname') return undefined;
  const receiver = source.slice(span(call.what.what).start, span(call.what.what).end);
  return /platform|driver/i.test(receiver) ? literal.value : undefined;
}

function negate(t: Truth): Truth {
  return t === 'mysql' ? 'other' : t === 'other' ? 'mysql' : 'unknown';
}

function both(a: Truth, b: Truth): Truth {
  if (a === 'other' || b === 'other') return 'other';
  return a === 'mysql' && b === 'mysql' ? 'mysql' : 'unknown';
}
