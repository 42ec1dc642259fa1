import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Engine } from 'php-parser';
import { Finding, Schema, applyEdits, lintMigration, replayMigration } from '../../../server/src/engine';

const parser = new Engine({ parser: { php8: true, suppressErrors: false }, ast: { withPositions: false } });

function lint(source: string, path = 'database/migrations/2024_05_01_000000_x.php', schema = new Schema()): Finding[] {
  return lintMigration(source, { target: 'planetscale' }, path, schema).findings;
}

function laravel(up: string, down = ''): string {
  return `<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration
{
    public function up(): void
    {
${up}
    }

    public function down(): void
    {
${down}
    }
};
`;
}

const CREATE_POSTS = laravel(`        Schema::create('posts', function (Blueprint $table) {
            $table->id();
            $table->foreignId('user_id')->constrained()->cascadeOnDelete();
            $table->string('title', 100);
        });`, `        Schema::dropIfExists('posts');`);

describe('Laravel migrations through the rules', () => {
  test('foreignId()->constrained()->cascadeOnDelete(): both warnings on the right call; the fix gives ->index()', () => {
    const findings = lint(CREATE_POSTS);
    const fk = findings.find((f) => f.rule === 'no-foreign-keys')!;
    const cascade = findings.find((f) => f.rule === 'no-cascade')!;
    assert.equal(CREATE_POSTS.slice(fk.start, fk.end), 'constrained()');
    assert.equal(fk.severity, 'error');
    assert.equal(CREATE_POSTS.slice(cascade.start, cascade.end), 'cascadeOnDelete()');
    assert.match(cascade.message, /^ON DELETE CASCADE on foreign key/);
    const fixed = applyEdits(CREATE_POSTS, fk.fixes[0].edits);
    assert.ok(fixed.includes("$table->foreignId('user_id')->index();"), fixed);
    assert.doesNotThrow(() => parser.parseCode(fixed, 'x.php'));
    assert.deepEqual(lint(fixed).filter((f) => f.rule === 'no-foreign-keys' || f.rule === 'no-cascade'), []);
    const withoutCascade = applyEdits(CREATE_POSTS, cascade.fixes[0].edits);
    assert.equal(cascade.fixes[0].title, 'Remove ->cascadeOnDelete()');
    assert.ok(withoutCascade.includes("$table->foreignId('user_id')->constrained();"), withoutCascade);
  });

  test('down() is the rollback: dropping there is expected', () => {
    assert.deepEqual(lint(CREATE_POSTS).filter((f) => f.rule === 'drop-table'), []);
  });

  test('judged against the earlier migrations: ->change() narrowing a column, a drop of an existing column', () => {
    const before = replayMigration(CREATE_POSTS, 'database/migrations/2024_01_01_000000_create_posts.php', new Schema());
    const alter = laravel(`        Schema::table('posts', function (Blueprint $table) {
            $table->string('title', 50)->change();
            $table->dropColumn('user_id');
        });`);
    const rules = lint(alter, 'database/migrations/2024_06_01_000000_alter.php', before).map((f) => `${f.rule}: ${alter.slice(f.start, f.end)}`);
    assert.ok(rules.includes("change-column-type: $table->string('title', 50)->change();"), rules.join('\n'));
    assert.ok(rules.includes("drop-column: $table->dropColumn('user_id');"), rules.join('\n'));
  });

  test('// cutover-ignore above a blueprint line silences it; the ignore action writes one', () => {
    const source = laravel(`        Schema::table('posts', function (Blueprint $table) {
            // cutover-ignore drop-column -- the model stopped using it in #42
            $table->dropColumn('legacy');
            $table->dropColumn('other');
        });`);
    const drops = lint(source).filter((f) => f.rule === 'drop-column');
    assert.deepEqual(drops.map((f) => source.slice(f.start, f.end)), ["$table->dropColumn('other');"]);
    const silenced = applyEdits(source, [drops[0].ignore!.statement]);
    assert.ok(silenced.includes("            // cutover-ignore drop-column\n            $table->dropColumn('other');"), silenced);
    assert.deepEqual(lint(silenced).filter((f) => f.rule === 'drop-column' || f.rule === 'unused-ignore'), []);
  });

  test('DB::statement SQL is linted by the SQL engine, with ranges inside the string', () => {
    const source = laravel(`        DB::statement('ALTER TABLE posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id)');`);
    const fk = lint(source).find((f) => f.rule === 'no-foreign-keys')!;
    assert.equal(source.slice(fk.start, fk.end), 'ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES users (id)');
  });

  test('a syntax error is one parse-error, not a crash', () => {
    const findings = lint("<?php\nSchema::create('x', function ($t) { $t->id( });\n");
    assert.deepEqual(findings.map((f) => f.rule), ['parse-error']);
  });
});

const DOCTRINE = `<?php

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\\DBAL\\Schema\\Schema;
use Doctrine\\Migrations\\AbstractMigration;

final class Version20240501120000 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
        $this->addSql('CREATE TABLE post (id INT AUTO_INCREMENT NOT NULL, author_id INT NOT NULL, INDEX IDX_5A8A6C8DF675F31B (author_id), PRIMARY KEY(id)) DEFAULT CHARACTER SET utf8mb4 ENGINE = InnoDB');
        $this->addSql('ALTER TABLE post ADD CONSTRAINT FK_5A8A6C8DF675F31B FOREIGN KEY (author_id) REFERENCES user (id) ON DELETE CASCADE');
        $this->addSql("ALTER TABLE post ADD note VARCHAR(20) DEFAULT 'it\\\\'s' NOT NULL");
    }

    public function down(Schema $schema): void
    {
        $this->addSql('ALTER TABLE post DROP FOREIGN KEY FK_5A8A6C8DF675F31B');
        $this->addSql('DROP TABLE post');
    }
}
`;

describe('Doctrine migrations through the rules', () => {
  const path = 'migrations/Version20240501120000.php';

  test('a FK in addSql is flagged on the clause inside the string; the fix edits only that clause', () => {
    const findings = lint(DOCTRINE, path);
    const fk = findings.find((f) => f.rule === 'no-foreign-keys')!;
    assert.equal(DOCTRINE.slice(fk.start, fk.end), 'ADD CONSTRAINT FK_5A8A6C8DF675F31B FOREIGN KEY (author_id) REFERENCES user (id) ON DELETE CASCADE');
    const fixed = applyEdits(DOCTRINE, fk.fixes[0].edits);
    // The index is already there and it was the only clause: the whole addSql call goes, not just its SQL.
    assert.ok(!fixed.includes('ADD CONSTRAINT'), fixed);
    assert.ok(!fixed.includes("$this->addSql('')"), 'no empty query left behind');
    assert.equal(fixed.split('\n').length, DOCTRINE.split('\n').length - 1, 'exactly the one line goes');
    assert.doesNotThrow(() => parser.parseCode(fixed, 'x.php'));
    assert.ok(findings.some((f) => f.rule === 'no-cascade' && DOCTRINE.slice(f.start, f.end) === 'ON DELETE CASCADE'));
  });

  test('a fix inside a string edits only the clause, escaped for the literal', () => {
    const source = DOCTRINE.replace("ADD CONSTRAINT FK_5A8A6C8DF675F31B FOREIGN KEY (author_id) REFERENCES user (id) ON DELETE CASCADE", "ADD note2 VARCHAR(9) DEFAULT \\'x\\' NULL, ADD CONSTRAINT FK_5A8A6C8DF675F31B FOREIGN KEY (author_id) REFERENCES user (id) ON DELETE CASCADE");
    const fk = lint(source, path).find((f) => f.rule === 'no-foreign-keys')!;
    const fixed = applyEdits(source, fk.fixes[0].edits);
    assert.ok(fixed.includes("$this->addSql('ALTER TABLE post ADD note2 VARCHAR(9) DEFAULT \\'x\\' NULL');"), fixed);
    assert.doesNotThrow(() => parser.parseCode(fixed, 'x.php'));
  });

  test('down() statements are the rollback; escaped quotes keep ranges exact', () => {
    const findings = lint(DOCTRINE, path);
    assert.deepEqual(findings.filter((f) => f.rule === 'drop-table'), []);
    const notNull = findings.find((f) => f.rule === 'add-not-null-column');
    assert.equal(notNull, undefined, 'post was created in this migration');
  });

  test('SQL built from non-literal parts is reported, not guessed', () => {
    const source = DOCTRINE.replace("$this->addSql('DROP TABLE post');", "$this->addSql('DROP TABLE ' . $table);");
    const problem = lint(source, path).find((f) => f.rule === 'parse-error');
    assert.ok(problem);
    assert.match(problem.message, /non-literal/);
  });
});

describe('PHP migrations: what real projects showed', () => {
  test('a table without a key is flagged even though down() drops it', () => {
    const source = laravel(`        Schema::create('password_resets', function (Blueprint $table) {
            $table->string('email')->index();
            $table->string('token');
        });`, `        Schema::dropIfExists('password_resets');`);
    assert.ok(lint(source).some((f) => f.rule === 'no-unique-key'));
  });

  test('an up() whose Schema calls are commented out is simply empty', () => {
    assert.deepEqual(lint(laravel(`        // Schema::table('assets', function ($table) {
        //     $table->string('license_name')->nullable();
        // });`)), []);
  });

  test('addSql in methods other than up()/down() is reported as not checked, not silently skipped', () => {
    const source = DOCTRINE.replace('public function up(Schema $schema)', 'public function mySQLUp(Schema $schema)').replace('public function down(Schema $schema)', 'public function mySQLDown(Schema $schema)');
    const [problem] = lint(source, 'migrations/Version20240501120000.php');
    assert.equal(problem.rule, 'parse-error');
    assert.match(problem.message, /none were found here/);
  });
});
