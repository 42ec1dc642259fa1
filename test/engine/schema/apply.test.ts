import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Schema, replayFile } from '../../../server/src/engine';

function replay(sql: string): Schema {
  return replayFile(sql, 'm.sql', new Schema());
}

describe('schema replay', () => {
  test('CREATE TABLE records columns, keys and the index MySQL creates for a foreign key', () => {
    const table = replay('CREATE TABLE posts (id INT PRIMARY KEY, author_id INT NOT NULL, title VARCHAR(99), KEY (title), CONSTRAINT fk FOREIGN KEY (author_id) REFERENCES users (id));').table('POSTS')!;
    assert.deepEqual(table.columns.map((c) => c.name), ['id', 'author_id', 'title']);
    assert.deepEqual(table.indexes.map((i) => [i.kind, i.name, i.columns, i.implicitForForeignKey ?? false]), [
      ['primary', 'primary', ['id'], false],
      ['index', 'title', ['title'], false],
      ['index', 'fk', ['author_id'], true],
    ]);
    assert.equal(table.foreignKeys[0].referencedTable, 'users');
  });

  test('ALTER TABLE applies column and index changes in order, with FIRST/AFTER', () => {
    const schema = replay([
      'CREATE TABLE t (id INT PRIMARY KEY, a INT, b INT, KEY ab (a, b));',
      'ALTER TABLE t ADD COLUMN z INT FIRST, ADD COLUMN c INT AFTER a, DROP COLUMN b, RENAME COLUMN a TO a2, MODIFY c BIGINT NOT NULL;',
      'ALTER TABLE t RENAME INDEX ab TO a2_idx;',
      'CREATE INDEX c_idx ON t (c);',
    ].join('\n'));
    const table = schema.table('t')!;
    assert.deepEqual(table.columns.map((c) => c.name), ['z', 'id', 'a2', 'c']);
    assert.equal(table.columns[3].definition.type.name, 'BIGINT');
    assert.deepEqual(table.indexes.map((i) => [i.name, i.columns]), [['primary', ['id']], ['a2_idx', ['a2']], ['c_idx', ['c']]]);
  });

  test('renames, drops, LIKE, and statements on unknown tables', () => {
    const schema = replay([
      'CREATE TABLE a (id INT PRIMARY KEY);',
      'CREATE TABLE b LIKE a;',
      'RENAME TABLE a TO a_old;',
      'ALTER TABLE b RENAME TO c;',
      'DROP TABLE a_old;',
      'ALTER TABLE nowhere ADD COLUMN x INT;',
    ].join('\n'));
    assert.deepEqual(schema.all().map((t) => t.name), ['c']);
    assert.deepEqual(schema.table('c')!.columns.map((c) => c.name), ['id']);
  });

  test('rollback sections and files are not replayed', () => {
    const schema = replay('-- migrate:up\nCREATE TABLE t (id INT PRIMARY KEY);\n-- migrate:down\nDROP TABLE t;');
    assert.ok(schema.table('t'));
    assert.equal(replayFile('CREATE TABLE t (id INT);', '1.down.sql', new Schema()).all().length, 0);
  });
});
