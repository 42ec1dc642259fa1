import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/fixes/listEdits';
import { AlterTable } from '../../../server/src/engine/model/changes';
import { describeType } from '../../../server/src/engine/rules/columnTypes';
import { PhpMigration } from '../../../server/src/engine/php/types';
import { actionsOf, assertParses, fixture, foreignKeys, migration, onlyCreate, read, shown } from './laravelFixtures';

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
