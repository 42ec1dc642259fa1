import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'mariadb-syntax';

describe('mariadb-syntax', () => {
  test('flags MariaDB extensions on MySQL targets, at the words that MySQL rejects', () => {
    assertViolations(
      [
        'ALTER TABLE photos ADD COLUMN IF NOT EXISTS taken_at DATETIME NULL, DROP COLUMN IF EXISTS legacy;',
        'ALTER IGNORE TABLE photos ADD UNIQUE (hash);',
        'ALTER ONLINE TABLE photos ADD INDEX (taken_at);',
        'CREATE OR REPLACE INDEX idx ON photos (hash);',
        'CREATE INDEX IF NOT EXISTS idx2 ON photos (hash);',
        'DROP INDEX IF EXISTS idx ON photos;',
        'ALTER TABLE IF EXISTS photos MODIFY IF EXISTS title VARCHAR(99);',
      ].join('\n'),
      RULE,
      ['IF NOT EXISTS', 'IF EXISTS', 'IGNORE', 'ONLINE', 'OR REPLACE', 'IF NOT EXISTS', 'IF EXISTS', 'IF EXISTS', 'IF EXISTS'],
    );
  });

  test('not MySQL syntax that looks alike, and not on the mariadb target', () => {
    assertClean('CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY);\nDROP TABLE IF EXISTS t;\nCREATE OR REPLACE VIEW v AS SELECT 1;\nDROP TRIGGER IF EXISTS x;', RULE);
    assertClean('ALTER TABLE photos ADD COLUMN IF NOT EXISTS taken_at DATETIME NULL;', RULE, { target: 'mariadb' });
  });
});
