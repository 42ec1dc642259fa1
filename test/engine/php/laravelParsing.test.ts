import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { applyEdits } from '../../../server/src/engine/fixes/listEdits';
import { laravelRawSqlCalls, readLaravelMigration } from '../../../server/src/engine/php/laravel';
import { chainLinkRemoval, ignoreComments, methodChain, migrationMethods, parsePhp, stringLiteral } from '../../../server/src/engine/php/phpAst';
import { assertParses, fixture, fixtures, migration, outline, read } from './laravelFixtures';

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
