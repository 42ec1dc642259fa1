import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RULES, Schema, applyEdits, lintFile, replayFile } from '../../server/src/engine';
import { explainFile } from '../../server/src/engine/plan/explain';
import { rng } from '../support/random';

const FRAGMENTS = [
  'CREATE TABLE t (', 'ALTER TABLE t ', 'ADD COLUMN a INT', 'NOT NULL', 'DEFAULT', "'x'", '"y"', '`z`', ',', ')', '(', ';',
  'FOREIGN KEY (a) REFERENCES p (id)', 'ON DELETE CASCADE', 'CONSTRAINT', 'PRIMARY KEY (id)', 'KEY k (a)', 'DROP COLUMN a',
  'MODIFY a BIGINT', 'CHANGE a b VARCHAR(300)', 'RENAME COLUMN a TO b', 'ALGORITHM=INSTANT', 'LOCK=NONE', 'DROP TABLE t',
  'RENAME TABLE t TO u', 'CREATE INDEX i ON t (a)', 'DELIMITER $$', 'END$$', 'BEGIN', '/*!50001 ', '*/', '-- c\n', '# c\n',
  '/* c */', '-- cutover-ignore drop-column\n', '-- cutover-ignore-file\n', '-- +goose Up\n', '-- +goose Down\n',
  '-- migrate:down\n', '--> statement-breakpoint\n', 'ENUM(', "'a'", 'SET NULL', '\n', ' ', '\\', "'", '`', '"', 'é😀',
  'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1', 'ENGINE=MyISAM', 'CONVERT TO CHARACTER SET utf16',
];

function randomSql(next: () => number): string {
  let sql = '';
  const length = 1 + Math.floor(next() * 40);
  for (let i = 0; i < length; i++) sql += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + (next() < 0.5 ? ' ' : '');
  return sql;
}

describe('the engine on arbitrary input', () => {
  test('never throws, keeps every range and edit inside the text, and every fix applies', () => {
    const next = rng(2026);
    const history = replayFile('CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, KEY k (a));\nCREATE TABLE p (id INT PRIMARY KEY);', 'h.sql', new Schema());
    for (let round = 0; round < 400; round++) {
      const sql = randomSql(next);
      for (const target of ['planetscale', 'mariadb'] as const) {
        const { findings } = lintFile(sql, { target, mysqlVersion: round % 2 ? '5.7.44' : '8.0.35' }, `${round}.up.sql`, history);
        for (const f of findings) {
          assert.ok(RULES.some((r) => r.id === f.rule), f.rule);
          assert.ok(f.start >= 0 && f.start <= f.end && f.end <= sql.length, `range of ${f.rule} in ${JSON.stringify(sql)}`);
          for (const fix of f.fixes) assert.doesNotThrow(() => applyEdits(sql, fix.edits), `${f.rule} fix on ${JSON.stringify(sql)}`);
          if (f.ignore) assert.doesNotThrow(() => applyEdits(sql, [f.ignore!.statement, ...(f.ignore!.file.start === f.ignore!.statement.start ? [] : [f.ignore!.file])]));
        }
        assert.doesNotThrow(() => explainFile(sql, { target }, 'x.sql', history));
      }
    }
  });

  test('a 2 MB mysqldump-like file lints without throwing', () => {
    const table = (i: number) => `DROP TABLE IF EXISTS \`t${i}\`;\n/*!40101 SET character_set_client = utf8 */;\nCREATE TABLE \`t${i}\` (\n  \`id\` int NOT NULL AUTO_INCREMENT,\n  \`p\` int DEFAULT NULL,\n  PRIMARY KEY (\`id\`),\n  KEY \`p\` (\`p\`),\n  CONSTRAINT \`f${i}\` FOREIGN KEY (\`p\`) REFERENCES \`t0\` (\`id\`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n`;
    let sql = '';
    for (let i = 0; sql.length < 2_000_000; i++) sql += table(i);
    const { findings } = lintFile(sql, { target: 'planetscale' }, 'schema.sql');
    assert.ok(findings.filter((f) => f.rule === 'no-foreign-keys').length > 1000);
    assert.ok(findings.every((f) => f.rule !== 'parse-error'));
  });
});
