import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Engine } from 'php-parser';
import { applyEdits } from '../../../server/src/engine/fixes/listEdits';
import { AlterAction, AlterTable, CreateTable, ForeignKeyDefinition, SchemaChange } from '../../../server/src/engine/model/changes';
import { compareTypes, describeType } from '../../../server/src/engine/rules/columnTypes';
import { laravelRawSqlCalls, readLaravelMigration } from '../../../server/src/engine/php/laravel';
import { chainLinkRemoval, ignoreComments, methodChain, migrationMethods, parsePhp, stringLiteral } from '../../../server/src/engine/php/phpAst';
import { PhpMigration } from '../../../server/src/engine/php/types';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/laravel');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

/** The value with every span replaced by the source text it covers (`'@'`), so one deepEqual checks fields and spans. */
function shown(source: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => shown(source, v));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  const isSpan = typeof o.start === 'number' && typeof o.end === 'number';
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!isSpan || (k !== 'start' && k !== 'end')) out[k] = shown(source, v);
  if (isSpan) out['@'] = source.slice(o.start as number, o.end as number);
  return out;
}

/** Asserts the PHP parses (php-parser, not our memoised wrapper). */
function assertParses(php: string): void {
  const engine = new Engine({ parser: { extractDoc: true }, ast: { withPositions: true } });
  assert.doesNotThrow(() => engine.parseCode(php, 'fixed.php'), `does not parse:\n${php}`);
}

function read(source: string): PhpMigration {
  const migration = readLaravelMigration(source);
  assert.equal(migration.framework, 'laravel');
  return migration;
}

/** Wraps blueprint statements in a Schema::table (or create) call inside up(). */
function migration(body: string, method: 'table' | 'create' = 'table', table = 'users'): string {
  return `<?php\n\nreturn new class extends Migration\n{\n    public function up(): void\n    {\n        Schema::${method}('${table}', function (Blueprint $table) {\n${body}\n        });\n    }\n};\n`;
}

function actionsOf(m: PhpMigration): AlterAction[] {
  return m.changes.flatMap((c) => (c.change.kind === 'alter-table' ? c.change.actions : []));
}

function onlyCreate(m: PhpMigration): CreateTable {
  const creates = m.changes.map((c) => c.change).filter((c): c is CreateTable => c.kind === 'create-table');
  assert.equal(creates.length, 1);
  return creates[0];
}

function foreignKeys(change: SchemaChange): ForeignKeyDefinition[] {
  if (change.kind === 'create-table') return change.foreignKeys;
  if (change.kind === 'alter-table') return change.actions.flatMap((a) => (a.kind === 'add-foreign-key' ? [a.foreignKey] : []));
  return [];
}

/** One line per change and action: what a reviewer would check first. */
function outline(source: string, m: PhpMigration): string[] {
  const text = (s: { start: number; end: number }) => source.slice(s.start, s.end).replace(/\s+/g, ' ');
  return m.changes.flatMap((c) => {
    const head = `${c.rollback ? 'down' : 'up'} ${c.change.kind} ${text(c)}`;
    return c.change.kind === 'alter-table' ? [head, ...c.change.actions.map((a) => `  ${a.kind} ${text(a)}`)] : [head];
  });
}

describe('phpAst', () => {
  test('a syntax error is one problem at the offending token, with the parser message', () => {
    const source = '<?php\r\n$a = 1;\r\n  $b = ;\r\n';
    const parsed = parsePhp(source);
    assert.ok(parsed.problem);
    assert.equal(source.slice(parsed.problem.start, parsed.problem.end), ';');
    assert.match(parsed.problem.message, /^PHP syntax error, unexpected ';' on line 3$/);
  });

  test('an error at the end of the file points at the last thing written', () => {
    const source = '<?php\nfoo(\n\n';
    const { problem } = parsePhp(source);
    assert.ok(problem);
    assert.equal(source.slice(problem.start, problem.end), '(');
  });

  test('offsets are UTF-16 offsets, also after characters outside the BMP', () => {
    const source = "<?php\n// 😀 émoji\nSchema::drop('t😀x');\n";
    const { program } = parsePhp(source);
    assert.ok(program);
    let found = '';
    for (const child of program.children) {
      const call = (child as unknown as { expression: { arguments: unknown[] } }).expression;
      found = source.slice(stringLiteral(call.arguments[0] as never)!.start, stringLiteral(call.arguments[0] as never)!.end);
    }
    assert.equal(found, 't😀x');
  });

  test('string literals: quotes, escapes, interpolation and nowdoc', () => {
    const source = `<?php\nf('it\\'s', "a\\tb", "x$y", 1, <<<'SQL'\n  SELECT 1\n  SQL);\n`;
    const { program } = parsePhp(source);
    const args = (program!.children[0] as unknown as { expression: { arguments: never[] } }).expression.arguments;
    const [single, double, interpolated, number, nowdoc] = args.map((a) => stringLiteral(a));
    assert.deepEqual([single?.value, source.slice(single!.start, single!.end)], ["it's", "it\\'s"]);
    assert.deepEqual([double?.value, source.slice(double!.start, double!.end)], ['a\tb', 'a\\tb']);
    assert.equal(interpolated, undefined);
    assert.equal(number, undefined);
    assert.equal(nowdoc?.value, 'SELECT 1');
    assert.equal(source.slice(nowdoc!.start, nowdoc!.end), '  SELECT 1');
  });

  test('finds up() and down() in anonymous and named, namespaced classes', () => {
    const anonymous = parsePhp('<?php\nreturn new class extends Migration { public function up(): void {} public function down(): void {} };\n');
    assert.deepEqual(migrationMethods(anonymous.program!).map((m) => [m.name, m.rollback]), [['up', false], ['down', true]]);
    const named = parsePhp('<?php\nnamespace Database\\Migrations;\nfinal class Version1 extends AbstractMigration { public function getDescription(): string { return ""; } public function UP(Schema $s): void {} }\n');
    assert.deepEqual(migrationMethods(named.program!).map((m) => m.name), ['up']);
  });

  test('ignore comments apply to the next statement, or to the one they trail, or to the file', () => {
    const source = '<?php\n// cutover-ignore-file\nfoo();\n# cutover-ignore a\n/* cutover-ignore b */\nbar();\nbaz(); // cutover-ignore c\n// cutover-ignorex not one\nqux();\n';
    const ignores = ignoreComments(source, parsePhp(source).program!);
    assert.deepEqual(
      ignores.map((i) => [i.text, source.slice(i.start, i.end), i.appliesTo.start === 0 && i.appliesTo.end === source.length ? '<file>' : source.slice(i.appliesTo.start, i.appliesTo.end)]),
      [
        ['// cutover-ignore-file', '// cutover-ignore-file', '<file>'],
        ['# cutover-ignore a', '# cutover-ignore a', 'bar();'],
        ['/* cutover-ignore b */', '/* cutover-ignore b */', 'bar();'],
        ['// cutover-ignore c', '// cutover-ignore c', 'baz();'],
      ],
    );
  });

  test('removing a chain link takes its own line with it, and keeps a comment before it', () => {
    const source = "<?php\n$t->a('x')\n    ->b()\n    ->c(1);\n$t->a('y')->c(2);\n$t->a('z') // keep\n    ->c(3);\n";
    const { program } = parsePhp(source);
    const chains = program!.children.map((s) => methodChain(source, (s as unknown as { expression: never }).expression)!);
    const edits = chains.map((chain) => chainLinkRemoval(source, chain.links[chain.links.length - 1]));
    const fixed = applyEdits(source, edits);
    assert.equal(fixed, "<?php\n$t->a('x')\n    ->b();\n$t->a('y');\n$t->a('z') // keep\n;\n");
    assertParses(fixed);
  });
});

describe('Laravel: Schema::create with foreign keys', () => {
  const source = fixture('2024_01_10_000000_create_posts_table.php');
  const m = read(source);

  test('one change for the whole Schema::create statement; down() is the rollback', () => {
    assert.deepEqual(m.problems, []);
    assert.deepEqual(
      m.changes.map((c) => [c.change.kind, c.rollback, source.slice(c.start, c.end).split('\n')[0]]),
      [
        ['create-table', false, "Schema::create('posts', function (Blueprint $table) {"],
        ['drop-table', true, "Schema::dropIfExists('posts');"],
      ],
    );
    assert.ok(source.slice(m.changes[0].start, m.changes[0].end).endsWith('});'));
    assert.deepEqual(shown(source, m.changes[1].change), { kind: 'drop-table', tables: [{ name: 'posts', '@': 'posts' }], ifExists: true, temporary: false });
  });

  test('columns: types as the MySQL grammar compiles them, NOT NULL unless nullable(), spans', () => {
    const create = onlyCreate(m);
    assert.deepEqual(shown(source, create.table), { name: 'posts', '@': 'posts' });
    assert.deepEqual(
      create.columns.map((c) => [c.name.name, source.slice(c.name.start, c.name.end), describeType(c.type), c.nullable, c.default && 'text' in c.default ? c.default.text : undefined, c.autoIncrement, c.primaryKey]),
      [
        ['id', 'id', 'BIGINT UNSIGNED', false, undefined, true, true],
        ['user_id', 'user_id', 'BIGINT UNSIGNED', false, undefined, undefined, undefined],
        ['team_id', 'foreignIdFor', 'BIGINT UNSIGNED', true, undefined, undefined, undefined],
        ['category_id', 'category_id', 'BIGINT UNSIGNED', false, undefined, undefined, undefined],
        ['title', 'title', 'VARCHAR(200)', false, undefined, undefined, undefined],
        ['status', 'status', 'VARCHAR(255)', false, "'draft'", undefined, undefined],
        ['published', 'published', 'TINYINT(1)', false, '0', undefined, undefined],
        ['price', 'price', 'DECIMAL(10,2) UNSIGNED', true, undefined, undefined, undefined],
        ['meta', 'meta', 'JSON', true, undefined, undefined, undefined],
        ['created_at', 'timestamps', 'TIMESTAMP', true, undefined, undefined, undefined],
        ['updated_at', 'timestamps', 'TIMESTAMP', true, undefined, undefined, undefined],
      ],
    );
    assert.equal(source.slice(create.columns[1].start, create.columns[1].end), "$table->foreignId('user_id')\n                ->constrained()\n                ->cascadeOnDelete();");
    assert.equal(create.columns[4].type.charset, undefined);
    assert.equal(create.definitions.length, 12);
  });

  test('indexes: chained ->index() and $table->unique([...]) with Laravel generated names', () => {
    assert.deepEqual(shown(source, onlyCreate(m).indexes), [
      { kind: 'index', name: { name: 'posts_status_index', '@': 'index()' }, columns: [{ name: 'status', '@': 'status' }], '@': 'index()' },
      {
        kind: 'unique',
        name: { name: 'posts_user_id_title_unique', '@': "$table->unique(['user_id', 'title']);" },
        columns: [{ name: 'user_id', '@': 'user_id' }, { name: 'title', '@': 'title' }],
        '@': "$table->unique(['user_id', 'title']);",
      },
    ]);
  });

  test('foreign keys: constrained() guesses the table, foreignIdFor uses the model, foreign() reads references/on', () => {
    const [user, team, category] = onlyCreate(m).foreignKeys;
    assert.deepEqual(shown(source, { ...user, phpRemoval: undefined }), {
      '@': 'constrained()',
      constraintName: { name: 'posts_user_id_foreign', '@': 'constrained()' },
      columns: [{ name: 'user_id', '@': 'user_id' }],
      referencedTable: { name: 'users', '@': 'constrained()' },
      referencedColumns: [{ name: 'id', '@': 'constrained()' }],
      actions: [{ event: 'DELETE', action: 'CASCADE', '@': 'cascadeOnDelete()', phpRemoval: [{ newText: '', '@': '\n                ->cascadeOnDelete()' }] }],
      phpRemoval: undefined,
    });
    assert.deepEqual(
      [team.referencedTable?.name, team.columns[0].name, team.actions.map((a) => [a.event, a.action, source.slice(a.start, a.end)])],
      ['teams', 'team_id', [['DELETE', 'SET NULL', 'nullOnDelete()']]],
    );
    assert.deepEqual(shown(source, { ...category, phpRemoval: undefined, actions: category.actions.map((a) => ({ ...a, phpRemoval: undefined })) }), {
      '@': "$table->foreign('category_id')->references('id')->on('categories')->onDelete('cascade');",
      constraintName: { name: 'posts_category_id_foreign', '@': "$table->foreign('category_id')->references('id')->on('categories')->onDelete('cascade');" },
      columns: [{ name: 'category_id', '@': 'category_id' }],
      referencedTable: { name: 'categories', '@': 'categories' },
      referencedColumns: [{ name: 'id', '@': 'id' }],
      actions: [{ event: 'DELETE', action: 'CASCADE', '@': "onDelete('cascade')", phpRemoval: undefined }],
      phpRemoval: undefined,
    });
  });
});

describe('Laravel: removing foreign keys and actions (round trip)', () => {
  const source = fixture('2024_01_10_000000_create_posts_table.php');
  const fks = onlyCreate(read(source)).foreignKeys;

  function roundTrip(edits: Array<{ start: number; end: number; newText: string }>, expectedLine: string | RegExp, gone: string): PhpMigration {
    const fixed = applyEdits(source, edits);
    assertParses(fixed);
    if (typeof expectedLine === 'string') assert.ok(fixed.includes(expectedLine), `missing ${expectedLine} in\n${fixed}`);
    else assert.match(fixed, expectedLine);
    const again = read(fixed);
    assert.deepEqual(again.problems, []);
    assert.equal(onlyCreate(again).foreignKeys.some((fk) => fk.columns[0].name === gone), false);
    return again;
  }

  test('keepingIndex on a multi-line constrained() chain leaves foreignId(…)->index()', () => {
    const again = roundTrip(fks[0].phpRemoval!.keepingIndex, "            $table->foreignId('user_id')->index();\n            $table->foreignIdFor", 'user_id');
    assert.deepEqual(onlyCreate(again).indexes.map((i) => i.name?.name), ['posts_user_id_index', 'posts_status_index', 'posts_user_id_title_unique']);
    assert.equal(onlyCreate(again).foreignKeys.length, 2);
  });

  test('withoutIndex drops constrained() and its actions', () => {
    roundTrip(fks[0].phpRemoval!.withoutIndex, "            $table->foreignId('user_id');\n", 'user_id');
    roundTrip(fks[1].phpRemoval!.withoutIndex, '            $table->foreignIdFor(Team::class)->nullable();\n', 'team_id');
  });

  test('on a $table->foreign(…) statement: replaced by $table->index(…), or its line deleted', () => {
    const kept = roundTrip(fks[2].phpRemoval!.keepingIndex, "\n            $table->index('category_id');\n            $table->unique", 'category_id');
    assert.ok(onlyCreate(kept).indexes.some((i) => i.name?.name === 'posts_category_id_index'));
    roundTrip(fks[2].phpRemoval!.withoutIndex, "$table->timestamps();\n\n            $table->unique(['user_id', 'title']);", 'category_id');
  });

  test("an action's phpRemoval deletes only that call", () => {
    for (const fk of fks) {
      const [action] = fk.actions;
      const fixed = applyEdits(source, action.phpRemoval!);
      assertParses(fixed);
      const again = onlyCreate(read(fixed)).foreignKeys.find((f) => f.columns[0].name === fk.columns[0].name)!;
      assert.deepEqual(again.actions, []);
    }
    assert.ok(applyEdits(source, fks[0].actions[0].phpRemoval!).includes("$table->foreignId('user_id')\n                ->constrained();\n"));
    assert.ok(applyEdits(source, fks[1].actions[0].phpRemoval!).includes('->nullable()->constrained();'));
    assert.ok(applyEdits(source, fks[2].actions[0].phpRemoval!).includes("->references('id')->on('categories');"));
  });

  test('array foreign(): the index keeps the columns as written', () => {
    const php = migration("            $table->foreign(['a_id', 'b_id'], 'pair_fk')->references(['id', 'id2'])->on('pairs')->cascadeOnUpdate();", 'table', 'links');
    const [fk] = foreignKeys(read(php).changes[0].change);
    assert.deepEqual([fk.constraintName?.name, fk.columns.map((c) => c.name), fk.referencedColumns.map((c) => c.name), fk.actions.map((a) => a.event + ' ' + a.action)], ['pair_fk', ['a_id', 'b_id'], ['id', 'id2'], ['UPDATE CASCADE']]);
    const fixed = applyEdits(php, fk.phpRemoval!.keepingIndex);
    assert.ok(fixed.includes("            $table->index(['a_id', 'b_id']);\n"));
    assertParses(fixed);
    assert.deepEqual(actionsOf(read(fixed)).map((a) => a.kind), ['add-index']);
    const removed = applyEdits(php, fk.phpRemoval!.withoutIndex);
    assert.ok(removed.includes('function (Blueprint $table) {\n        });'));
    assert.deepEqual(read(removed).changes, []);
  });
});

describe('Laravel: Schema::table', () => {
  const source = fixture('2024_02_01_000000_alter_users_table.php');
  const m = read(source);

  test('one ALTER TABLE change per blueprint statement, each with the actions of that statement', () => {
    assert.deepEqual(outline(source, m), [
      "up alter-table $table->string('plan', 20)->default('free')->after('email');",
      "  add-column $table->string('plan', 20)->default('free')->after('email');",
      "up alter-table $table->string('nickname');",
      "  add-column $table->string('nickname');",
      "up alter-table $table->timestamp('verified_at', 3)->nullable()->useCurrent();",
      "  add-column $table->timestamp('verified_at', 3)->nullable()->useCurrent();",
      "up alter-table $table->renameColumn('name', 'full_name');",
      "  rename-column $table->renameColumn('name', 'full_name');",
      "up alter-table $table->dropColumn(['legacy_code', 'legacy_flag']);",
      "  drop-column $table->dropColumn(['legacy_code', 'legacy_flag']);",
      "  drop-column $table->dropColumn(['legacy_code', 'legacy_flag']);",
      "up alter-table $table->dropColumn('fax');",
      "  drop-column $table->dropColumn('fax');",
      'up alter-table $table->dropSoftDeletes();',
      '  drop-column $table->dropSoftDeletes();',
      "up alter-table $table->index(['plan', 'created_at'], 'users_plan_created_idx');",
      "  add-index $table->index(['plan', 'created_at'], 'users_plan_created_idx');",
      "up alter-table $table->dropIndex(['nickname']);",
      "  drop-index $table->dropIndex(['nickname']);",
      "up alter-table $table->dropUnique('users_email_unique');",
      "  drop-index $table->dropUnique('users_email_unique');",
      "up alter-table $table->renameIndex('users_a_index', 'users_b_index');",
      "  rename-index $table->renameIndex('users_a_index', 'users_b_index');",
      'up alter-table $table->dropPrimary();',
      '  drop-primary-key $table->dropPrimary();',
      "up alter-table $table->dropForeign(['team_id']);",
      "  drop-foreign-key $table->dropForeign(['team_id']);",
      "up alter-table $table->dropForeign('users_org_fk');",
      "  drop-foreign-key $table->dropForeign('users_org_fk');",
      "up alter-table $table->dropConstrainedForeignId('company_id');",
      "  drop-foreign-key $table->dropConstrainedForeignId('company_id');",
      "  drop-column $table->dropConstrainedForeignId('company_id');",
      "up alter-table $table->enum('role', ['admin', 'member'])->default('member');",
      "  add-column $table->enum('role', ['admin', 'member'])->default('member');",
      "up alter-table $table->comment('People who sign in');",
      "  table-option $table->comment('People who sign in');",
      "down alter-table $table->dropColumn('plan');",
      "  drop-column $table->dropColumn('plan');",
    ]);
    for (const c of m.changes) assert.equal((c.change as AlterTable).table.name, 'users');
  });

  test('added columns carry their modifiers', () => {
    const [plan, nickname, verified] = actionsOf(m).slice(0, 3).map((a) => (a.kind === 'add-column' ? a.column : undefined));
    assert.deepEqual(shown(source, { ...plan, start: undefined, end: undefined }), {
      start: undefined,
      end: undefined,
      name: { name: 'plan', '@': 'plan' },
      type: { name: 'VARCHAR', args: [20] },
      nullable: false,
      default: { kind: 'literal', text: "'free'" },
      position: { kind: 'after', column: { name: 'email', '@': 'email' } },
    });
    // add-not-null-column's condition: NOT NULL and no DEFAULT.
    assert.deepEqual([nickname?.nullable, nickname?.default], [false, undefined]);
    assert.deepEqual([describeType(verified!.type), verified?.nullable, verified?.default], ['TIMESTAMP(3)', true, { kind: 'current-timestamp', text: 'CURRENT_TIMESTAMP(3)' }]);
    const role = actionsOf(m).find((a) => a.kind === 'add-column' && a.column.name.name === 'role');
    assert.deepEqual(role?.kind === 'add-column' && [role.column.type.values, role.column.default], [['admin', 'member'], { kind: 'literal', text: "'member'" }]);
  });

  test('names: literal spans, or Laravel generated names spanning the method', () => {
    const named = actionsOf(m).flatMap((a) => {
      if (a.kind === 'rename-column' || a.kind === 'rename-index') return [[a.kind, a.from.name, source.slice(a.from.start, a.from.end), a.to.name, source.slice(a.to.start, a.to.end)]];
      if (a.kind === 'drop-column') return [[a.kind, a.column.name, source.slice(a.column.start, a.column.end)]];
      if (a.kind === 'drop-index' || a.kind === 'drop-foreign-key') return [[a.kind, a.name.name, source.slice(a.name.start, a.name.end)]];
      if (a.kind === 'add-index') return [[a.kind, a.index.kind, a.index.name?.name, a.index.columns.map((c) => c?.name).join(',')]];
      if (a.kind === 'table-option') return [[a.kind, a.option.name, a.option.value, source.slice(a.option.start, a.option.end)]];
      return [];
    });
    assert.deepEqual(named, [
      ['rename-column', 'name', 'name', 'full_name', 'full_name'],
      ['drop-column', 'legacy_code', 'legacy_code'],
      ['drop-column', 'legacy_flag', 'legacy_flag'],
      ['drop-column', 'fax', 'fax'],
      ['drop-column', 'deleted_at', 'dropSoftDeletes'],
      ['add-index', 'index', 'users_plan_created_idx', 'plan,created_at'],
      ['drop-index', 'users_nickname_index', 'dropIndex'],
      ['drop-index', 'users_email_unique', 'users_email_unique'],
      ['rename-index', 'users_a_index', 'users_a_index', 'users_b_index', 'users_b_index'],
      ['drop-foreign-key', 'users_team_id_foreign', 'dropForeign'],
      ['drop-foreign-key', 'users_org_fk', 'users_org_fk'],
      ['drop-foreign-key', 'users_company_id_foreign', 'company_id'],
      ['drop-column', 'company_id', 'company_id'],
      ['table-option', 'COMMENT', 'People who sign in', 'People who sign in'],
      ['drop-column', 'plan', 'plan'],
    ]);
  });

  test('$table->engine in Schema::table is not an ALTER (Laravel ignores it there): a problem says so', () => {
    assert.deepEqual(m.problems.map((p) => [source.slice(p.start, p.end), p.message]), [
      ["$table->engine = 'MyISAM';", "Laravel applies the table's engine only in Schema::create: this has no effect on users."],
    ]);
  });

  test('a foreignId()->constrained() in Schema::table is an add-column and an add-foreign-key', () => {
    const php = migration("            $table->foreignId('author_id')->nullable()->constrained(table: 'users', indexName: 'posts_author_fk')->restrictOnDelete()->noActionOnUpdate();", 'table', 'posts');
    const actions = actionsOf(read(php));
    assert.deepEqual(actions.map((a) => [a.kind, php.slice(a.start, a.end)]), [
      ['add-column', "$table->foreignId('author_id')->nullable()->constrained(table: 'users', indexName: 'posts_author_fk')->restrictOnDelete()->noActionOnUpdate();"],
      ['add-foreign-key', "constrained(table: 'users', indexName: 'posts_author_fk')"],
    ]);
    const fk = actions[1].kind === 'add-foreign-key' ? actions[1].foreignKey : undefined;
    assert.deepEqual([fk?.referencedTable?.name, php.slice(fk!.referencedTable!.start, fk!.referencedTable!.end), fk?.constraintName?.name], ['users', 'users', 'posts_author_fk']);
    assert.deepEqual(fk?.actions.map((a) => [a.event, a.action]), [['DELETE', 'RESTRICT'], ['UPDATE', 'NO ACTION']]);
    const fixed = applyEdits(php, fk!.phpRemoval!.keepingIndex);
    assert.ok(fixed.includes("$table->foreignId('author_id')->nullable()->index();"));
    assertParses(fixed);
    assert.deepEqual(actionsOf(read(fixed)).map((a) => a.kind), ['add-column', 'add-index']);
  });

  test('referenced tables guessed like Laravel: plural of the column without _id', () => {
    const php = migration(
      [
        "            $table->foreignId('category_id')->constrained();",
        "            $table->foreignId('reply_to_id')->constrained('comments');",
        "            $table->foreignUuid('address_uuid')->constrained(column: 'uuid');",
        "            $table->foreignIdFor(\\App\\Models\\OrderItem::class, 'item_id')->constrained();",
        "            $table->foreignId('parent_id')->references('id')->on('nodes')->cascadeOnDelete();",
      ].join('\n'),
    );
    const fks = read(php).changes.flatMap((c) => foreignKeys(c.change));
    assert.deepEqual(
      fks.map((fk) => [fk.columns[0].name, fk.referencedTable?.name, fk.referencedColumns.map((c) => c.name).join(), php.slice(fk.start, fk.end)]),
      [
        ['category_id', 'categories', 'id', 'constrained()'],
        ['reply_to_id', 'comments', 'id', "constrained('comments')"],
        ['address_uuid', 'addresses', 'uuid', "constrained(column: 'uuid')"],
        ['item_id', 'order_items', 'id', 'constrained()'],
        ['parent_id', 'nodes', 'id', "references('id')->on('nodes')"],
      ],
    );
    const uuid = actionsOf(read(php)).find((a) => a.kind === 'add-column' && a.column.name.name === 'address_uuid');
    assert.equal(uuid?.kind === 'add-column' && describeType(uuid.column.type), 'CHAR(36)');
  });

  test('other blueprint commands', () => {
    const php = migration(
      [
        "            $table->fullText('body');",
        "            $table->spatialIndex('area', 'posts_area_sp');",
        "            $table->rawIndex('(lower(email))', 'users_lower_email_index');",
        "            $table->primary(['id', 'tenant_id']);",
        "            $table->dropFullText(['body']);",
        "            $table->dropSpatialIndex('posts_area_sp');",
        '            $table->dropForeignIdFor(Team::class);',
        "            $table->dropConstrainedForeignIdFor(User::class, 'owner_id');",
        "            $table->string('bio')->fullText();",
        "            $table->after('email', function (Blueprint $table) {\n                $table->string('address_line1');\n                $table->string('address_line2')->nullable();\n            });",
        "            $table->foreignId('x_id')->constrained()->onDelete($action);",
      ].join('\n'),
    );
    const m2 = read(php);
    assert.deepEqual(
      actionsOf(m2).map((a) => {
        if (a.kind === 'add-index') return `${a.kind} ${a.index.kind} ${a.index.name?.name} (${a.index.columns.map((c) => c?.name ?? '<expression>').join(', ')})`;
        if (a.kind === 'drop-index' || a.kind === 'drop-foreign-key') return `${a.kind} ${a.name.name}`;
        if (a.kind === 'add-column' || a.kind === 'drop-column') return `${a.kind} ${a.kind === 'add-column' ? a.column.name.name : a.column.name}`;
        return a.kind;
      }),
      [
        'add-index fulltext users_body_fulltext (body)',
        'add-index spatial posts_area_sp (area)',
        'add-index index users_lower_email_index (<expression>)',
        'add-index primary undefined (id, tenant_id)',
        'drop-index users_body_fulltext',
        'drop-index posts_area_sp',
        'drop-foreign-key users_team_id_foreign',
        'drop-foreign-key users_owner_id_foreign',
        'drop-column owner_id',
        'add-column bio',
        'add-index fulltext users_bio_fulltext (bio)',
        'add-column address_line1',
        'add-column address_line2',
        'add-column x_id',
        'add-foreign-key',
      ],
    );
    assert.deepEqual(m2.problems.map((p) => php.slice(p.start, p.end)), ['onDelete($action)']);
    const placed = actionsOf(m2).flatMap((a) => (a.kind === 'add-column' && a.column.position?.kind === 'after' ? [`${a.column.name.name} after ${a.column.position.column.name}`] : []));
    assert.deepEqual(placed, ['address_line1 after email', 'address_line2 after address_line1']);
  });

  test('Schema::create: engine(), charset(), temporary() and a table comment', () => {
    const php = migration("            $table->id();\n            $table->engine('InnoDB');\n            $table->charset('utf8mb4');\n            $table->temporary();\n            $table->comment('Scratch');", 'create', 'scratch');
    const create = onlyCreate(read(php));
    assert.deepEqual([create.temporary, create.options.map((o) => `${o.name}=${o.value}`)], [true, ['ENGINE=innodb', 'CHARSET=utf8mb4', 'COMMENT=Scratch']]);
    assert.equal(create.definitions.length, 4);
  });

  test('an arrow function blueprint and dropColumn with several arguments', () => {
    const php = "<?php\nreturn new class extends Migration {\n    public function up(): void\n    {\n        Schema::table('users', fn (Blueprint $t) => $t->dropColumn('a', 'b'));\n    }\n};\n";
    const m2 = read(php);
    assert.deepEqual(outline(php, m2), ["up alter-table $t->dropColumn('a', 'b')", "  drop-column $t->dropColumn('a', 'b')", "  drop-column $t->dropColumn('a', 'b')"]);
    assert.deepEqual(actionsOf(m2).map((a) => a.kind === 'drop-column' && a.column.name), ['a', 'b']);
  });
});

describe('Laravel: ->change()', () => {
  const source = fixture('2024_03_01_000000_change_orders_columns.php');
  const m = read(source);

  test('modify-column with the full new definition', () => {
    assert.deepEqual(
      actionsOf(m).map((a) => (a.kind === 'modify-column' ? [source.slice(a.start, a.end), a.column.name.name, describeType(a.column.type), a.column.nullable, a.column.type.charset, a.column.type.collate] : [a.kind])),
      [
        ["$table->string('name', 200)->change();", 'name', 'VARCHAR(200)', false, undefined, undefined],
        ["$table->integer('status')->nullable(false)->change();", 'status', 'INT', false, undefined, undefined],
        ["$table->text('notes')->nullable()->charset('utf8mb4')->collation('utf8mb4_bin')->change();", 'notes', 'TEXT', true, 'utf8mb4', 'utf8mb4_bin'],
        ["$table->string('name', 100)->change();", 'name', 'VARCHAR(100)', false, undefined, undefined],
      ],
    );
    assert.deepEqual(m.changes.map((c) => c.rollback), [false, false, false, true]);
  });

  test('widening VARCHAR(100) to VARCHAR(200) compares as wider; a type change as different', () => {
    const types = actionsOf(m).map((a) => (a.kind === 'modify-column' ? a.column.type : undefined)!);
    assert.equal(compareTypes(types[3], types[0]), 'wider');
    assert.equal(compareTypes({ name: 'VARCHAR', args: [20] }, types[1]), 'different');
  });
});

describe('Laravel: drops and renames', () => {
  const source = fixture('2024_04_01_000000_drop_and_rename.php');
  const m = read(source);

  test('Schema::drop / dropIfExists / rename / dropColumns / connection(…) in a named class', () => {
    assert.deepEqual(m.problems, []);
    assert.deepEqual(
      m.changes.map((c) => [c.rollback, source.slice(c.start, c.end), shown(source, c.change)]),
      [
        [false, "Schema::drop('legacy_sessions');", { kind: 'drop-table', tables: [{ name: 'legacy_sessions', '@': 'legacy_sessions' }], ifExists: false, temporary: false }],
        [false, 'Schema::dropIfExists("legacy_tokens");', { kind: 'drop-table', tables: [{ name: 'legacy_tokens', '@': 'legacy_tokens' }], ifExists: true, temporary: false }],
        [false, "Schema::rename('user_notes', 'notes');", { kind: 'rename-table', pairs: [{ from: { name: 'user_notes', '@': 'user_notes' }, to: { name: 'notes', '@': 'notes' } }] }],
        [
          false,
          "Schema::dropColumns('notes', ['old_body', 'old_title']);",
          {
            kind: 'alter-table',
            table: { name: 'notes', '@': 'notes' },
            actions: [
              { kind: 'drop-column', column: { name: 'old_body', '@': 'old_body' }, '@': "Schema::dropColumns('notes', ['old_body', 'old_title']);" },
              { kind: 'drop-column', column: { name: 'old_title', '@': 'old_title' }, '@': "Schema::dropColumns('notes', ['old_body', 'old_title']);" },
            ],
            commasAfter: [undefined, undefined],
          },
        ],
        [false, "Schema::connection('analytics')->drop('events');", { kind: 'drop-table', tables: [{ name: 'events', '@': 'events' }], ifExists: false, temporary: false }],
        [true, "Schema::rename('notes', 'user_notes');", { kind: 'rename-table', pairs: [{ from: { name: 'notes', '@': 'notes' }, to: { name: 'user_notes', '@': 'user_notes' } }] }],
      ],
    );
  });

  test('a table name that is not a literal is a problem, not a guess', () => {
    const php = "<?php\nreturn new class extends Migration {\n    public function up(): void\n    {\n        Schema::create(config('permission.table_names.roles'), function (Blueprint $table) { $table->id(); });\n        Schema::drop($this->table);\n    }\n};\n";
    const m2 = read(php);
    assert.deepEqual(m2.changes, []);
    assert.deepEqual(m2.problems.map((p) => php.slice(p.start, p.end)), ["config('permission.table_names.roles')", '$this->table']);
    assert.match(m2.problems[0].message, /not a string literal/);
  });
});

describe('Laravel: morphs, timestamps and table options', () => {
  const source = fixture('2024_05_01_000000_create_comments_table.php');
  const m = read(source);

  test('columns of the helper methods', () => {
    const create = onlyCreate(m);
    assert.deepEqual(
      create.columns.map((c) => `${c.name.name} ${describeType(c.type)}${c.nullable ? ' NULL' : ' NOT NULL'}${c.autoIncrement ? ' AUTO_INCREMENT' : ''}${c.primaryKey ? ' PRIMARY KEY' : ''} @${source.slice(c.name.start, c.name.end)}`),
      [
        'id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY @id',
        'commentable_type VARCHAR(255) NOT NULL @commentable',
        'commentable_id BIGINT UNSIGNED NOT NULL @commentable',
        'author_type VARCHAR(255) NULL @author',
        'author_id BIGINT UNSIGNED NULL @author',
        'uuid CHAR(36) NOT NULL @uuid',
        'body TEXT NOT NULL @body',
        'remember_token VARCHAR(100) NULL @rememberToken',
        'deleted_at TIMESTAMP NULL @softDeletes',
        'created_at TIMESTAMP NULL @timestamps',
        'updated_at TIMESTAMP NULL @timestamps',
      ],
    );
    assert.deepEqual(
      create.indexes.map((i) => [i.kind, i.name?.name, i.columns.map((c) => c?.name).join(','), source.slice(i.start, i.end)]),
      [
        ['index', 'comments_commentable_type_commentable_id_index', 'commentable_type,commentable_id', "$table->morphs('commentable');"],
        ['index', 'comments_author_type_author_id_index', 'author_type,author_id', "$table->nullableMorphs('author');"],
        ['unique', 'comments_uuid_unique', 'uuid', 'unique()'],
      ],
    );
    assert.deepEqual(create.options.map((o) => [o.name, o.value, source.slice(o.start, o.end)]), [
      ['ENGINE', 'innodb', 'InnoDB'],
      ['CHARSET', 'utf8mb4', 'utf8mb4'],
      ['COLLATE', 'utf8mb4_unicode_ci', 'utf8mb4_unicode_ci'],
    ]);
  });

  test('down(): dropMorphs, dropTimestamps, dropRememberToken', () => {
    assert.deepEqual(
      actionsOf(m).map((a) => `${a.kind} ${a.kind === 'drop-column' ? a.column.name : a.kind === 'drop-index' ? a.name.name : ''}`),
      ['drop-index comments_commentable_type_commentable_id_index', 'drop-column commentable_type', 'drop-column commentable_id', 'drop-column created_at', 'drop-column updated_at', 'drop-column remember_token'],
    );
    assert.ok(m.changes.slice(1).every((c) => c.rollback));
  });

  test('column types, table-driven', () => {
    const cases: Array<[string, string]> = [
      ["bigIncrements('id')", 'id BIGINT UNSIGNED AI PK'],
      ["char('code', 3)", 'code CHAR(3)'],
      ["char('code')", 'code CHAR(255)'],
      ["tinyText('a')", 'a TINYTEXT'],
      ["mediumText('a')", 'a MEDIUMTEXT'],
      ["longText('a')", 'a LONGTEXT'],
      ["integer('n')", 'n INT'],
      ["integer('n', true)", 'n INT AI PK'],
      ["unsignedInteger('n')", 'n INT UNSIGNED'],
      ["tinyInteger('n')", 'n TINYINT'],
      ["smallInteger('n', unsigned: true)", 'n SMALLINT UNSIGNED'],
      ["mediumInteger('n')", 'n MEDIUMINT'],
      ["bigInteger('n')->unsigned()", 'n BIGINT UNSIGNED'],
      ["decimal('p')", 'p DECIMAL(8,2)'],
      ["decimal('p', places: 4, total: 12)", 'p DECIMAL(12,4)'],
      ["float('f')", 'f DOUBLE'],
      ["float('f', 10)", 'f FLOAT'],
      ["double('f')", 'f DOUBLE'],
      ["date('d')", 'd DATE'],
      ["dateTime('d')", 'd DATETIME'],
      ["dateTime('d', 6)", 'd DATETIME(6)'],
      ["time('t')", 't TIME'],
      ["timestamp('t')", 't TIMESTAMP'],
      ["year('y')", 'y YEAR'],
      ["jsonb('j')", 'j JSON'],
      ["binary('b')", 'b BLOB'],
      ["binary('b', 16)", 'b VARBINARY(16)'],
      ["binary('b', 16, fixed: true)", 'b BINARY(16)'],
      ["ulid('u')", 'u CHAR(26)'],
      ["ulid()", 'ulid CHAR(26)'],
      ["set('s', ['a', 'b'])", "s SET('a','b')"],
      ["ipAddress()", 'ip_address VARCHAR(45)'],
      ["foreignUlid('o_id')", 'o_id CHAR(26)'],
      ["softDeletes('removed_at', 3)", 'removed_at TIMESTAMP(3)'],
      ["datetimes()", 'created_at DATETIME'],
      ["geometry('g', subtype: 'point')", 'g POINT'],
    ];
    const php = migration(cases.map(([call]) => `            $table->${call};`).join('\n'));
    const m2 = read(php);
    assert.deepEqual(m2.problems, []);
    const got = m2.changes.map((c) => {
      const [a] = (c.change as AlterTable).actions;
      if (a.kind !== 'add-column') return a.kind;
      return `${a.column.name.name} ${describeType(a.column.type)}${a.column.autoIncrement ? ' AI' : ''}${a.column.primaryKey ? ' PK' : ''}`;
    });
    assert.deepEqual(got, cases.map(([, expected]) => expected));
  });

  test('defaults as SQL text', () => {
    const php = migration(
      [
        "            $table->string('a')->default('it\\'s');",
        "            $table->integer('b')->default(-5);",
        "            $table->boolean('c')->default(true);",
        "            $table->string('d')->nullable()->default(null);",
        "            $table->timestamp('e')->default(DB::raw('CURRENT_TIMESTAMP'));",
        "            $table->json('f')->default(new Expression('(JSON_ARRAY())'));",
        "            $table->string('g')->default(Status::Active->value);",
        "            $table->dateTime('h')->useCurrent()->useCurrentOnUpdate();",
      ].join('\n'),
    );
    const columns = actionsOf(read(php)).flatMap((a) => (a.kind === 'add-column' ? [a.column] : []));
    assert.deepEqual(columns.map((c) => c.default), [
      { kind: 'literal', text: "'it''s'" },
      { kind: 'literal', text: '-5' },
      { kind: 'literal', text: '1' },
      { kind: 'null' },
      { kind: 'current-timestamp', text: 'CURRENT_TIMESTAMP' },
      { kind: 'expression', text: '(JSON_ARRAY())' },
      { kind: 'literal', text: 'Status::Active->value' },
      { kind: 'current-timestamp', text: 'CURRENT_TIMESTAMP' },
    ]);
    assert.equal(columns[7].onUpdateCurrentTimestamp, true);
  });

  test('other modifiers: first, autoIncrement, storedAs, virtualAs, comment, invisible, primary', () => {
    const php = migration(
      [
        "            $table->string('a')->first()->comment('shown first');",
        "            $table->integer('b')->storedAs('a + 1');",
        "            $table->integer('c')->virtualAs('a + 2')->invisible();",
        "            $table->unsignedInteger('d')->autoIncrement();",
        "            $table->string('e', 40)->primary();",
      ].join('\n'),
    );
    const actions = actionsOf(read(php));
    const columns = actions.flatMap((a) => (a.kind === 'add-column' ? [a.column] : []));
    assert.deepEqual(columns.map((c) => [c.position, c.comment, c.generated, c.invisible, c.autoIncrement]), [
      [{ kind: 'first' }, 'shown first', undefined, undefined, undefined],
      [undefined, undefined, { stored: true }, undefined, undefined],
      [undefined, undefined, { stored: false }, true, undefined],
      [undefined, undefined, undefined, undefined, true],
      [undefined, undefined, undefined, undefined, undefined],
    ]);
    const primary = actions.find((a) => a.kind === 'add-index');
    assert.deepEqual(primary?.kind === 'add-index' && [primary.index.kind, primary.index.name, php.slice(primary.start, primary.end)], ['primary', undefined, 'primary()']);
  });
});

describe('Laravel: conditionals, raw SQL and what is not a change', () => {
  const source = fixture('2024_06_01_000000_conditional_changes.php');
  const m = read(source);

  test('calls inside if blocks (outside and inside the blueprint) are read; helper methods are not', () => {
    assert.deepEqual(outline(source, m), [
      "up alter-table $table->string('locale', 5)->default('en');",
      "  add-column $table->string('locale', 5)->default('en');",
      "up alter-table $t->string('timezone')->nullable();",
      "  add-column $t->string('timezone')->nullable();",
      "up alter-table $t->dropColumn('tz');",
      "  drop-column $t->dropColumn('tz');",
    ]);
    assert.deepEqual(m.problems, []);
  });

  test('DB::statement / DB::unprepared are left to the SQL path, with their rollback flag', () => {
    const calls = laravelRawSqlCalls(source);
    const text = (n: unknown) => {
      const loc = (n as { loc: { start: { offset: number }; end: { offset: number } } }).loc;
      return source.slice(loc.start.offset, loc.end.offset).replace(/;$/, '');
    };
    assert.deepEqual(calls.map((c) => [text(c.call), c.rollback]), [
      ["DB::statement('ALTER TABLE users ADD INDEX users_locale_idx (locale)')", false],
      ["DB::unprepared('ALTER TABLE users DROP INDEX users_locale_idx')", true],
    ]);
    assert.deepEqual(laravelRawSqlCalls('<?php nope('), []);
  });

  test('unknown blueprint methods (macros) are a problem; other statements are ignored', () => {
    const php = migration("            $table->addAuditColumns();\n            $x = 1;\n            logger('hi');");
    const m2 = read(php);
    assert.deepEqual(m2.changes, []);
    assert.deepEqual(m2.problems.map((p) => [php.slice(p.start, p.end), p.message]), [
      ['addAuditColumns', 'Cutover does not know the blueprint method `addAuditColumns(…)` (a macro?): this statement is not checked.'],
    ]);
  });
});

describe('Laravel: ignores, syntax errors, robustness', () => {
  test('ignore comments and the statement each applies to', () => {
    const source = fixture('2024_08_01_000000_ignored.php');
    const m = read(source);
    assert.deepEqual(
      m.ignores.map((i) => [i.text, i.appliesTo.start === 0 && i.appliesTo.end === source.length ? '<file>' : source.slice(i.appliesTo.start, i.appliesTo.end)]),
      [
        ['// cutover-ignore-file drop-table', '<file>'],
        ['// cutover-ignore no-foreign-keys -- legacy relation, removed in #412', "$table->foreignId('customer_id')->constrained();"],
        ['# cutover-ignore drop-column', "$table->dropColumn('total');"],
        ['/* cutover-ignore add-not-null-column */', "$table->string('number');"],
      ],
    );
    // Each ignored statement is exactly one change's span.
    for (const ignore of m.ignores.slice(1)) assert.ok(m.changes.some((c) => c.start === ignore.appliesTo.start && c.end === ignore.appliesTo.end));
  });

  test('a syntax error gives one problem at its position and no changes', () => {
    const source = fixture('2024_07_01_000000_broken.php');
    const m = read(source);
    assert.deepEqual(m.changes, []);
    assert.deepEqual(m.ignores, []);
    assert.deepEqual(m.problems.map((p) => [source.slice(p.start, p.end), p.message]), [['});', "PHP syntax error, unexpected '}', expecting ';' on line 11"]]);
  });

  test('never throws, whatever prefix of a migration it is given', () => {
    for (const name of fs.readdirSync(fixtures)) {
      const source = fixture(name);
      for (let cut = 0; cut <= source.length; cut += 7) {
        const m = readLaravelMigration(source.slice(0, cut));
        for (const c of m.changes) assert.ok(c.start <= c.end && c.end <= cut, `${name} cut at ${cut}`);
      }
    }
  });
});
