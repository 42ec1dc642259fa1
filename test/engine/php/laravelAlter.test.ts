import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/fixes/listEdits';
import { AlterTable } from '../../../server/src/engine/model/changes';
import { compareTypes, describeType } from '../../../server/src/engine/rules/columnTypes';
import { actionsOf, assertParses, fixture, foreignKeys, migration, onlyCreate, outline, read, shown } from './laravelFixtures';

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
