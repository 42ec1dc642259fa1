// How Cutover's grammars sit among VS Code's own (format of the helpers: see grammarSnapshots.ts): the wiring of
// scopes and injections, text tokenised exactly as by VS Code alone wherever Cutover puts no scope of its own, and the
// Dark+ colours. The scope snapshots are in sqlDirectiveSnapshots.test.ts and phpSqlSnapshots.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CUTOVER_GRAMMARS, createWorld, foregroundOf, loadBuiltInTheme, packageJsonGrammars, repoRoot } from './textmate';
import { assertUnchangedOutsideCutoverScopes, byLine, loadGrammars, phpTokens, sqlTokens, type Grammars } from './grammarSnapshots';

let withCutover: Grammars;
let vscodeOnly: Grammars;
let darkPlus: Grammars;

before(async () => {
  withCutover = await loadGrammars(createWorld());
  vscodeOnly = await loadGrammars(createWorld({ withCutover: false }));
  darkPlus = await loadGrammars(createWorld({ theme: loadBuiltInTheme('dark_plus.json') }));
});

after(() => {
  for (const g of [withCutover, vscodeOnly, darkPlus]) g?.world.registry.dispose();
});

describe('grammar wiring', () => {
  test('VS Code tokenises .sql files with source.sql and .php files with text.html.php', () => {
    assert.equal(withCutover.world.scopeForLanguage('sql'), 'source.sql');
    // The php extension contributes source.php and then text.html.php for the same language: the last one wins.
    assert.equal(withCutover.world.scopeForLanguage('php'), 'text.html.php');
  });

  test("getInjections answers with Cutover's grammars for the scopes they inject into", () => {
    assert.deepEqual(withCutover.world.injectionsFor('source.sql'), ['cutover.sql.directives.injection']);
    assert.deepEqual(withCutover.world.injectionsFor('text.html.php'), ['cutover.php.sql.injection']);
    assert.deepEqual(withCutover.world.injectionsFor('source.php'), ['cutover.php.sql.injection']);
    assert.deepEqual(vscodeOnly.world.injectionsFor('source.sql'), []);
  });

  test('package.json contributes the grammars as the tests load them', (t) => {
    const listed = packageJsonGrammars();
    if (!listed) {
      t.skip('package.json has no contributes.grammars entries for Cutover yet');
      return;
    }
    assert.deepEqual(listed, CUTOVER_GRAMMARS);
  });

  test('grammar files are valid JSON whose includes all resolve, also those into VS Code\'s grammars', () => {
    const repositoryOf = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { repository?: Record<string, unknown> }).repository ?? {};
    for (const { path: file, scopeName } of CUTOVER_GRAMMARS) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      const grammar = JSON.parse(text) as { scopeName: string; injectionSelector?: string; repository: Record<string, unknown> };
      assert.equal(grammar.scopeName, scopeName);
      assert.match(grammar.injectionSelector ?? '', /^L:/, `${file} must be a left injection to win over the base grammar`);
      const includes = [...text.matchAll(/"include":\s*"([^"]+)"/g)].map((m) => m[1]);
      assert.ok(includes.length > 0);
      for (const include of includes) {
        const [scope, rule] = include.split('#');
        if (scope === '') {
          assert.ok(rule in grammar.repository, `${file}: ${include} is not in the repository`);
          continue;
        }
        const target = withCutover.world.grammarFile(scope);
        assert.ok(target, `${file}: no grammar for ${scope}`);
        // vscode-textmate silently drops an include it cannot resolve: make a renamed rule in VS Code's grammars fail here.
        if (rule !== undefined) assert.ok(rule in repositoryOf(target), `${file}: ${include} is not in ${target}`);
      }
    }
  });
});

describe('SQL migration directives (injected into source.sql)', () => {
  const notDirectives = [
    '-- just a note about goose and cutover-ignore',
    '-- cutover-ignored drop-column',
    '-- see cutover-ignore in the docs',
    '  -- +goose Up',
    '-- migrate:upgrade later',
    '--> not a breakpoint',
    '# plain hash comment',
    '/* cutover-ignorefile drop-table */',
    "SELECT '-- cutover-ignore drop-column' AS text;",
  ];
  for (const source of notDirectives) {
    test(`not a directive, tokenised as by VS Code alone: ${source}`, () => {
      assert.deepEqual(sqlTokens(withCutover, source), sqlTokens(vscodeOnly, source));
    });
  }

  test('a goose migration: only the directive lines change', () => {
    const source = [
      '-- +goose Up',
      '-- cutover-ignore no-foreign-keys -- orgs is tiny',
      'ALTER TABLE users ADD CONSTRAINT fk_org FOREIGN KEY (org_id) REFERENCES orgs (id);',
      '-- +goose StatementBegin',
      'CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW SET NEW.x = 1;',
      '-- +goose StatementEnd',
      '',
      '-- +goose Down',
      'ALTER TABLE users DROP FOREIGN KEY fk_org;',
    ].join('\n');
    const ours = sqlTokens(withCutover, source);
    assertUnchangedOutsideCutoverScopes(ours, sqlTokens(vscodeOnly, source));
    assert.equal(byLine(ours).filter((line) => line.some((t) => t.scopes.some((s) => s.endsWith('.cutover')))).length, 5);
  });

  test('Dark+ colours the directive words; the rest of the line keeps the comment colour', () => {
    const colour = (line: string, text: string) => foregroundOf(darkPlus.world, darkPlus.sql, line, text);
    const comment = colour('-- just a comment', ' just a comment');
    assert.equal(colour('-- +goose Up', '--'), comment);
    assert.notEqual(colour('-- +goose Up', 'Up'), comment);
    assert.notEqual(colour('-- +goose Up', '+goose'), comment);
    assert.notEqual(colour('-- +goose Up', '+goose'), colour('-- +goose Up', 'Up'));
    assert.notEqual(colour('-- migrate:down', 'down'), comment);
    assert.notEqual(colour('--> statement-breakpoint', 'statement-breakpoint'), comment);
    const ignore = '-- cutover-ignore drop-column -- why';
    assert.notEqual(colour(ignore, 'cutover-ignore'), comment);
    assert.notEqual(colour(ignore, 'drop-column'), comment);
    assert.notEqual(colour(ignore, 'drop-column'), colour(ignore, 'cutover-ignore'));
    assert.equal(colour(ignore, ' why'), comment);
  });
});

describe('SQL in PHP migrations (injected into text.html.php)', () => {
  const otherStrings = [
    "$table = 'users';",
    "$sql = 'drop table users';",
    // VS Code's PHP grammar itself embeds SQL in any string that starts with an upper-case SELECT/INSERT/UPDATE/
    // DELETE/CREATE/REPLACE/ALTER/AND/WITH; Cutover leaves that as it is.
    "$x = 'ALTER TABLE t';",
    "$this->connection->executeStatement('drop table users');",
    "$db->statement('drop table users');",
    "MyDB::statement('drop table users');",
    "$that->addSql('drop table users');",
    "addSql('drop table users');",
    "// $this->addSql('drop table users');",
    "echo \"DB::statement('drop table users')\";",
  ];
  for (const source of otherStrings) {
    test(`left to the PHP grammar: ${source}`, () => {
      assert.deepEqual(phpTokens(withCutover, source), phpTokens(vscodeOnly, source));
    });
  }

  test('escaped quotes in SQL strings and comments, concatenation and comments: the call still ends where PHP says', () => {
    const source = String.raw`$this->addSql('SELECT "a\'b", 1 /* it\'s */ FROM t -- don\'t
'); $after = 1;
$this->addSql("SELECT 'a\"b' FROM t WHERE x = '" . $v . "'"); $after = 2;
$this->addSql('ALTER TABLE ' . $t . ' DROP x'); $after = 3;
$this->addSql(
    // the statement
    'DROP TABLE x',
); $after = 4;`;
    const after = phpTokens(withCutover, source).filter((t) => t.text === 'after');
    assert.equal(after.length, 4);
    for (const t of after) assert.deepEqual(t.scopes, ['variable.other.php']);
  });

  test('a Doctrine migration class: nothing changes outside the addSql calls, and each call ends where it should', () => {
    const source = [
      'namespace DoctrineMigrations;',
      '',
      'use Doctrine\\DBAL\\Schema\\Schema;',
      'use Doctrine\\Migrations\\AbstractMigration;',
      '',
      'final class Version20240101000000 extends AbstractMigration',
      '{',
      '    public function up(Schema $schema): void',
      '    {',
      "        $this->addSql('ALTER TABLE users ADD org_id INT DEFAULT NULL');",
      "        $this->addSql('CREATE INDEX IDX_1483A5E9 ON users (org_id)'); $this->count++;",
      '        $this->addSql(',
      "            'ALTER TABLE users ADD CONSTRAINT FK_1483A5E9 FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE'",
      '        );',
      "        $this->addSql(sprintf('drop table %s', 'legacy'));",
      '    }',
      '',
      '    public function down(Schema $schema): void',
      '    {',
      "        $this->addSql(<<<'SQL'",
      '            ALTER TABLE users DROP FOREIGN KEY FK_1483A5E9',
      '            SQL);',
      "        $sql = 'ALTER TABLE users DROP org_id';",
      '        $this->warnIf(true, "Data loss");',
      '    }',
      '}',
    ].join('\n');
    const ours = phpTokens(withCutover, source);
    assertUnchangedOutsideCutoverScopes(ours, phpTokens(vscodeOnly, source));
    const calls = byLine(ours).filter((line) => line.some((t) => t.scopes.includes('meta.migration-sql.cutover')));
    assert.equal(calls.length, 9);
    // `$this->count++` after the second call on its line is ordinary PHP again.
    const count = byLine(ours)[10].find((t) => t.text === 'count');
    assert.ok(count && !count.scopes.includes('meta.migration-sql.cutover'));
  });

  test('Dark+ colours SQL keywords inside addSql differently from the string around them', () => {
    const line = "<?php $this->addSql('drop table users');";
    const colour = (text: string) => foregroundOf(darkPlus.world, darkPlus.php, line, text);
    assert.notEqual(colour('drop'), colour(' users'));
    assert.equal(colour("'"), colour(' users'));
  });
});
