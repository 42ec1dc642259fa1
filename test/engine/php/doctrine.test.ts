import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readDoctrineMigration, platformTruth } from '../../../server/src/engine/php/doctrine';
import { parsePhp } from '../../../server/src/engine/php/phpAst';

const fixtures = path.resolve(__dirname, '../../../../test/fixtures/doctrine');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

/** A Doctrine migration class around the given up() and down() bodies. */
function migration(up: string, down = '', extra = ''): string {
  return `<?php

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\\DBAL\\Platforms\\MySQLPlatform;
use Doctrine\\DBAL\\Platforms\\PostgreSQLPlatform;
use Doctrine\\DBAL\\Schema\\Schema;
use Doctrine\\Migrations\\AbstractMigration;

final class Version20240601000000 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
${up}
    }

    public function down(Schema $schema): void
    {
${down}
    }
${extra}
}
`;
}

function sqls(source: string): string[] {
  return readDoctrineMigration(source).embedded.map((e) => `${e.rollback ? 'down' : 'up'}: ${e.sql}`);
}

describe('readDoctrineMigration: generated Symfony migration', () => {
  const source = fixture('Version20240101120000.php');
  const result = readDoctrineMigration(source);

  test('every addSql of up() then down(), in order', () => {
    assert.deepEqual(result.embedded.map((e) => [e.rollback, e.sql.split(' (')[0]]), [
      [false, 'CREATE TABLE post'],
      [false, 'CREATE TABLE user'],
      [false, 'ALTER TABLE post ADD CONSTRAINT FK_5A8A6C8DF675F31B FOREIGN KEY'],
      [true, 'ALTER TABLE post DROP FOREIGN KEY FK_5A8A6C8DF675F31B'],
      [true, 'DROP TABLE post'],
      [true, 'DROP TABLE user'],
    ]);
    assert.equal(result.embedded[0].sql, 'CREATE TABLE post (id INT AUTO_INCREMENT NOT NULL, author_id INT NOT NULL, title VARCHAR(255) NOT NULL, INDEX IDX_5A8A6C8DF675F31B (author_id), PRIMARY KEY(id)) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB');
    assert.deepEqual(result.problems, []);
  });

  test('spans and offsets point into the PHP', () => {
    for (const e of result.embedded) {
      assert.equal(source.slice(e.start, e.end), `'${e.sql}'`);
      const fk = e.sql.indexOf('FOREIGN KEY (');
      if (fk >= 0) assert.ok(source.startsWith('FOREIGN KEY (author_id)', e.toSource(fk)));
    }
  });

  test('cutover-ignore comments come from phpAst, applying to the next statement', () => {
    assert.equal(result.ignores.length, 1);
    const ignore = result.ignores[0];
    assert.equal(ignore.text, '// cutover-ignore no-foreign-keys -- the ORM relies on it');
    assert.ok(source.slice(ignore.appliesTo.start, ignore.appliesTo.end).startsWith("$this->addSql('ALTER TABLE post ADD CONSTRAINT"));
    const fk = result.embedded[2];
    assert.ok(ignore.appliesTo.start <= fk.start && fk.end <= ignore.appliesTo.end);
  });
});

describe('readDoctrineMigration: platform guards', () => {
  test('multi-platform migration: Postgres and SQLite branches skipped, MySQL kept', () => {
    const source = fixture('Version20240315093000.php');
    const result = readDoctrineMigration(source);
    assert.deepEqual(result.embedded.map((e) => `${e.rollback ? 'down' : 'up'}: ${e.sql.split(' ').slice(0, 6).join(' ')}`), [
      'up: CREATE TABLE comment (id INT AUTO_INCREMENT',
      'up: ALTER TABLE comment ADD CONSTRAINT FK_9474526C4B89032C',
      'down: ALTER TABLE comment DROP FOREIGN KEY',
      'down: DROP TABLE comment',
    ]);
    assert.match(result.embedded[0].sql, /COMMENT "\(DC2Type:text\)"/, 'double-quoted with \\" escapes');
    assert.equal(result.embedded[1].sql, 'ALTER TABLE comment ADD CONSTRAINT FK_9474526C4B89032C FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE');
    const cascade = result.embedded[1].sql.indexOf('ON DELETE CASCADE');
    assert.ok(source.startsWith('ON DELETE CASCADE', result.embedded[1].toSource(cascade)));
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /non-literal parts is not checked.*sprintf/);
    assert.ok(source.slice(result.problems[0].start, result.problems[0].end).startsWith("sprintf('ALTER TABLE %s"));
  });

  test('abortIf "not MySQL" (getName or instanceof) keeps everything', () => {
    const source = migration(
      "        $this->abortIf($this->connection->getDatabasePlatform()->getName() !== 'mysql', 'Migration can only be executed safely on \\'mysql\\'.');\n" +
      "        $this->addSql('ALTER TABLE a ADD b INT');",
      "        $this->abortIf(!($this->platform instanceof MySQLPlatform), 'MySQL only');\n        $this->addSql('ALTER TABLE a DROP b');");
    assert.deepEqual(sqls(source), ['up: ALTER TABLE a ADD b INT', 'down: ALTER TABLE a DROP b']);
    assert.deepEqual(readDoctrineMigration(source).problems, []);
  });

  test('getName() comparisons, elseif chains and else branches', () => {
    const source = migration(`
        if ($this->connection->getDatabasePlatform()->getName() === 'postgresql') {
            $this->addSql('pg 1');
        } elseif ($this->connection->getDatabasePlatform()->getName() == 'mysql') {
            $this->addSql('my 1');
        } else {
            $this->addSql('other 1');
        }
        if ('mysql' !== $this->platform->getName()) {
            $this->addSql('pg 2');
        } else {
            $this->addSql('my 2');
        }
        if ($this->platform instanceof \\Doctrine\\DBAL\\Platforms\\MariaDBPlatform || $this->platform instanceof MySQLPlatform) {
            $this->addSql('my 3');
        } else if ($this->platform instanceof PostgreSQLPlatform) {
            $this->addSql('pg 3');
        }
        if ($this->platform instanceof PostgreSQLPlatform && $this->enabled) $this->addSql('pg 4');
        if ($this->enabled) { $this->addSql('unknown 1'); } else { $this->addSql('unknown 2'); }`);
    assert.deepEqual(sqls(source), ['up: my 1', 'up: my 2', 'up: my 3', 'up: unknown 1', 'up: unknown 2']);
  });

  test('return/throw in the branch that runs on MySQL ends the block', () => {
    const source = migration(`
        $platform = $this->connection->getDatabasePlatform();
        if ($platform instanceof MySQLPlatform) {
            $this->addSql('my 1');
            return;
        }
        $this->addSql('pg 1');`, `
        if (!$this->connection->getDatabasePlatform() instanceof MySQLPlatform) {
            throw new \\RuntimeException('MySQL only');
        }
        $this->addSql('my 2');
        if ($this->flag) { return; }
        $this->addSql('my 3');`);
    assert.deepEqual(sqls(source), ['up: my 1', 'down: my 2', 'down: my 3']);
  });

  test('skipIf/abortIf with a MySQL check: the method does not run on MySQL', () => {
    const source = migration(
      "        $this->addSql('pg 0');\n        $this->skipIf($this->platform instanceof MySQLPlatform, 'Postgres only');\n        $this->addSql('pg 1');",
      "        if ($this->flag) {\n            $this->abortIf($this->platform->getName() === 'mysql', 'no');\n            $this->addSql('after guard');\n        }\n        $this->addSql('my 1');");
    const result = readDoctrineMigration(source);
    assert.deepEqual(result.embedded.map((e) => e.sql), ['my 1'], 'a guard under an unknown condition only ends its block');
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0].message, /^up\(\) does not run on MySQL \(\$this->skipIf/);
    assert.ok(source.slice(result.problems[0].start, result.problems[0].end).startsWith('$this->skipIf('));
  });

  test('platformTruth reads the usual checks', () => {
    const cases: Array<[string, string]> = [
      ['$p instanceof MySQLPlatform', 'mysql'], ['$p instanceof MySQL80Platform', 'mysql'],
      ['$p instanceof AbstractMySQLPlatform', 'mysql'], ['$p instanceof MariaDb1027Platform', 'mysql'],
      ['$p instanceof PostgreSQLPlatform', 'other'], ['$p instanceof SqlitePlatform', 'other'],
      ['$p instanceof SQLServerPlatform', 'other'], ['$p instanceof AbstractPlatform', 'unknown'],
      ['!$p instanceof PostgreSQLPlatform', 'mysql'], ["$this->platform->getName() !== 'sqlite'", 'mysql'],
      ["$this->connection->getDriver()->getName() === 'pdo_mysql'", 'mysql'], ["$x->getName() === 'mysql'", 'unknown'],
      ['$p instanceof MySQLPlatform and $flag', 'unknown'], ['$p instanceof PostgreSQLPlatform or $flag', 'unknown'],
      ['$p instanceof MySQLPlatform or $flag', 'mysql'], ['(bool) ($p instanceof OraclePlatform)', 'other'],
    ];
    for (const [condition, expected] of cases) {
      const source = `<?php if (${condition}) {}`;
      const parsed = parsePhp(source);
      const test = (parsed.program!.children[0] as unknown as { test: never }).test;
      assert.equal(platformTruth(source, test), expected, condition);
    }
  });
});

describe('readDoctrineMigration: statements and problems', () => {
  test('addSql inside loops, try blocks and closures; concatenation across lines; named and oddly-cased calls', () => {
    const source = migration(`
        foreach ([1, 2] as $i) {
            $this->addSql('loop');
        }
        try {
            $this->addSQL(sql: "ALTER TABLE \\"t\\" ADD c INT");
        } catch (\\Throwable $e) {
            $this->addSql('catch');
        }
        array_map(fn () => $this->addSql('closure'), [1]);
        $this->addSql(
            'ALTER TABLE post '
            . 'ADD CONSTRAINT FK_1 FOREIGN KEY (a) '
            . 'REFERENCES b (id)'
        );`);
    assert.deepEqual(sqls(source), [
      'up: loop', 'up: ALTER TABLE "t" ADD c INT', 'up: catch', 'up: closure',
      'up: ALTER TABLE post ADD CONSTRAINT FK_1 FOREIGN KEY (a) REFERENCES b (id)',
    ]);
    const last = readDoctrineMigration(source).embedded[4];
    assert.equal(source.slice(last.start, last.end), "'ALTER TABLE post '\n            . 'ADD CONSTRAINT FK_1 FOREIGN KEY (a) '\n            . 'REFERENCES b (id)'");
  });

  test('non-literal SQL is a problem, never a guess', () => {
    const source = migration(`
        $table = 'post';
        $this->addSql("ALTER TABLE $table ADD c INT");
        $this->addSql('ALTER TABLE ' . $table . ' ADD d INT');
        $this->addSql($this->sqlFor('x'));
        $this->addSql(self::SQL);
        $this->addSql('ALTER TABLE ok ADD e INT');`);
    const result = readDoctrineMigration(source);
    assert.deepEqual(result.embedded.map((e) => e.sql), ['ALTER TABLE ok ADD e INT']);
    assert.deepEqual(result.problems.map((p) => source.slice(p.start, p.end)), [
      '"ALTER TABLE $table ADD c INT"', "'ALTER TABLE ' . $table . ' ADD d INT'", "$this->sqlFor('x')", 'self::SQL',
    ]);
    for (const p of result.problems) assert.match(p.message, /^SQL built from non-literal parts is not checked/);
  });

  test('Schema API use: one information problem per method, not under skipped branches', () => {
    const source = migration(`
        $table = $schema->createTable('tag');
        $table->addColumn('id', 'integer');
        $schema->getTable('post')->addColumn('tag_id', 'integer');
        if ($schema->hasTable('legacy')) { $this->addSql('DROP TABLE legacy'); }`, `
        if ($this->platform instanceof PostgreSQLPlatform) { $schema->dropTable('pg_only'); }
        $schema->dropTable('tag');`);
    const result = readDoctrineMigration(source);
    assert.deepEqual(result.embedded.map((e) => e.sql), ['DROP TABLE legacy']);
    assert.deepEqual(result.problems.map((p) => [source.slice(p.start, p.end), p.message]), [
      ["$schema->createTable('tag')", "up() changes the schema through Doctrine's Schema API ($schema->createTable() and 1 more Schema API call): only SQL in $this->addSql() is checked, these changes are not."],
      ["$schema->dropTable('tag')", "down() changes the schema through Doctrine's Schema API ($schema->dropTable()): only SQL in $this->addSql() is checked, these changes are not."],
    ]);
  });

  test('classes: custom base classes with addSql count; Laravel migrations and other methods do not', () => {
    const custom = "<?php\nclass Version1 extends BaseMigration {\n  public function up($schema): void { $this->addSql('DROP TABLE a'); }\n  public function postUp(): void { $this->addSql('DROP TABLE b'); }\n}\n";
    assert.deepEqual(sqls(custom), ['up: DROP TABLE a']);
    const laravel = "<?php\nreturn new class extends Migration {\n  public function up(): void { Schema::table('a', function ($t) { $t->dropColumn('b'); }); }\n};\n";
    assert.deepEqual(readDoctrineMigration(laravel), { embedded: [], problems: [], ignores: [] });
    const helper = migration("        $this->addSql('DROP TABLE a');", '', "    private function other(): void { $this->addSql('DROP TABLE z'); }");
    assert.deepEqual(sqls(helper), ['up: DROP TABLE a']);
  });

  test('syntax errors give one problem; nothing throws', () => {
    const broken = readDoctrineMigration("<?php\nclass V extends AbstractMigration { public function up(Schema $s): void { $this->addSql('x' }\n");
    assert.equal(broken.embedded.length, 0);
    assert.equal(broken.problems.length, 1);
    const base = fixture('Version20240315093000.php');
    for (let i = 0; i < base.length; i += 37) {
      const mangled = base.slice(0, i) + base.slice(i + 5);
      const result = readDoctrineMigration(mangled);
      for (const e of result.embedded) {
        assert.ok(e.start >= 0 && e.end <= mangled.length && e.start <= e.end);
        for (let k = 0; k <= e.sql.length; k++) assert.ok(e.toSource(k) >= e.start && e.toSource(k) <= e.end);
      }
    }
    assert.deepEqual(readDoctrineMigration(''), readDoctrineMigration('')); // empty input: no throw
  });
});
