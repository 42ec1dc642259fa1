// Scope snapshots of Cutover's SQL migration directives grammar (injected into source.sql),
// in the format described in grammarSnapshots.ts. When a grammar change moves scopes on purpose, the assertion diff
// shows the new tokens to paste here. The comparisons with VS Code alone and the Dark+ colours are in grammarWiring.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, snapshot } from './textmate';
import { SNAPSHOT_DEPTH, loadGrammars, sqlTokens, type Grammars, type SnapshotCase } from './grammarSnapshots';

let withCutover: Grammars;

before(async () => {
  withCutover = await loadGrammars(createWorld());
});

after(() => {
  withCutover?.world.registry.dispose();
});

describe('SQL migration directives (injected into source.sql)', () => {
  const cases: SnapshotCase[] = [
    {
      name: 'goose Up',
      source: String.raw`-- +goose Up`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['Up', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.up.cutover'],
      ],
    },
    {
      name: 'goose Down',
      source: String.raw`-- +goose Down`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['Down', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.down.cutover'],
      ],
    },
    {
      name: 'goose StatementBegin … StatementEnd around a statement',
      source: String.raw`-- +goose StatementBegin
CREATE TABLE t (id INT);
-- +goose StatementEnd`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['StatementBegin', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.statement-begin.cutover'],
        ['\n', ''],
        ['CREATE', 'meta.create.sql keyword.other.create.sql'],
        [' ', 'meta.create.sql'],
        ['TABLE', 'meta.create.sql keyword.other.sql'],
        [' ', 'meta.create.sql'],
        ['t', 'meta.create.sql entity.name.function.sql'],
        [' (id ', ''],
        ['INT', 'storage.type.sql'],
        [');', ''],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['StatementEnd', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.statement-end.cutover'],
      ],
    },
    {
      name: 'goose NO TRANSACTION',
      source: String.raw`-- +goose NO TRANSACTION`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['NO TRANSACTION', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.no-transaction.cutover'],
      ],
    },
    {
      name: 'goose: the word after +goose in any case; an unknown word leaves only the marker',
      source: String.raw`-- +goose statementbegin
-- +goose Sideways`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['statementbegin', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.control.directive.statement-begin.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.goose.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
        ['+goose', 'comment.line.double-dash.sql meta.directive.goose.cutover keyword.other.directive.marker.goose.cutover'],
        [' Sideways', 'comment.line.double-dash.sql meta.directive.goose.cutover'],
      ],
    },
    {
      name: 'dbmate migrate:up with an option, migrate:down',
      source: String.raw`-- migrate:up transaction:false
-- migrate:down`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.dbmate.cutover'],
        ['migrate', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.other.directive.marker.dbmate.cutover'],
        [':', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.separator.directive.cutover'],
        ['up', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.control.directive.up.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.dbmate.cutover'],
        ['transaction', 'comment.line.double-dash.sql meta.directive.dbmate.cutover entity.other.attribute-name.option.cutover'],
        [':', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.separator.key-value.cutover'],
        ['false', 'comment.line.double-dash.sql meta.directive.dbmate.cutover constant.language.option-value.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.dbmate.cutover'],
        ['migrate', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.other.directive.marker.dbmate.cutover'],
        [':', 'comment.line.double-dash.sql meta.directive.dbmate.cutover punctuation.separator.directive.cutover'],
        ['down', 'comment.line.double-dash.sql meta.directive.dbmate.cutover keyword.control.directive.down.cutover'],
      ],
    },
    {
      name: 'drizzle statement-breakpoint after a statement and on its own line',
      source: String.raw`CREATE TABLE t (id INT);--> statement-breakpoint
--> statement-breakpoint`,
      expected: [
        ['CREATE', 'meta.create.sql keyword.other.create.sql'],
        [' ', 'meta.create.sql'],
        ['TABLE', 'meta.create.sql keyword.other.sql'],
        [' ', 'meta.create.sql'],
        ['t', 'meta.create.sql entity.name.function.sql'],
        [' (id ', ''],
        ['INT', 'storage.type.sql'],
        [');', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.drizzle.cutover punctuation.definition.comment.sql'],
        ['>', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.other.directive.marker.drizzle.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.drizzle.cutover'],
        ['statement-breakpoint', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.control.directive.statement-breakpoint.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.drizzle.cutover punctuation.definition.comment.sql'],
        ['>', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.other.directive.marker.drizzle.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.drizzle.cutover'],
        ['statement-breakpoint', 'comment.line.double-dash.sql meta.directive.drizzle.cutover keyword.control.directive.statement-breakpoint.cutover'],
      ],
    },
    {
      name: '-- cutover-ignore, one rule',
      source: String.raw`-- cutover-ignore drop-column`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: '-- cutover-ignore, two rules and a reason, indented',
      source: String.raw`  -- cutover-ignore drop-column, rename-column -- code stopped using it in #123`,
      expected: [
        ['  ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.whitespace.comment.leading.sql'],
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [',', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.separator.comma.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['rename-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['--', 'meta.directive.cutover-ignore.cutover meta.reason.cutover punctuation.separator.reason.cutover'],
        [' code stopped using it in #123', 'meta.directive.cutover-ignore.cutover meta.reason.cutover comment.reason.cutover'],
      ],
    },
    {
      name: '-- cutover-ignore after a statement',
      source: String.raw`ALTER TABLE t DROP COLUMN c; -- cutover-ignore drop-column`,
      expected: [
        ['ALTER', 'meta.alter.sql keyword.other.create.sql'],
        [' ', 'meta.alter.sql'],
        ['TABLE', 'meta.alter.sql keyword.other.table.sql'],
        [' ', 'meta.alter.sql'],
        ['t ', ''],
        ['DROP', 'keyword.other.sql'],
        [' COLUMN c; ', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: '# cutover-ignore, one rule',
      source: String.raw`# cutover-ignore no-foreign-keys`,
      expected: [
        ['#', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['no-foreign-keys', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: '# cutover-ignore, two rules and a reason',
      source: String.raw`# cutover-ignore no-foreign-keys no-cascade # legacy schema`,
      expected: [
        ['#', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['no-foreign-keys', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['no-cascade', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.line.number-sign.sql meta.directive.cutover-ignore.cutover'],
        ['#', 'meta.directive.cutover-ignore.cutover meta.reason.cutover punctuation.separator.reason.cutover'],
        [' legacy schema', 'meta.directive.cutover-ignore.cutover meta.reason.cutover comment.reason.cutover'],
      ],
    },
    {
      name: '/* cutover-ignore */, one rule',
      source: String.raw`/* cutover-ignore drop-table */`,
      expected: [
        ['/*', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.block.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['drop-table', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['*/', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
      ],
    },
    {
      name: '/* cutover-ignore */, two rules and a reason',
      source: String.raw`/* cutover-ignore drop-table, drop-column -- cleanup */`,
      expected: [
        ['/*', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore', 'comment.block.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['drop-table', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [',', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.separator.comma.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['drop-column', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['--', 'meta.directive.cutover-ignore.cutover meta.reason.cutover punctuation.separator.reason.cutover'],
        [' cleanup ', 'meta.directive.cutover-ignore.cutover meta.reason.cutover comment.reason.cutover'],
        ['*/', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
      ],
    },
    {
      name: '/* cutover-ignore-file */ over two lines: rules only on the first',
      source: String.raw`/* cutover-ignore-file lock-table
   not -- a reason */`,
      expected: [
        ['/*', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore-file', 'comment.block.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore-file.cutover'],
        [' ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['lock-table', 'comment.block.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        ['\n', ''],
        ['   not -- a reason ', 'comment.block.sql meta.directive.cutover-ignore.cutover'],
        ['*/', 'comment.block.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
      ],
    },
    {
      name: '-- cutover-ignore-file, without and with rules',
      source: String.raw`-- cutover-ignore-file
-- cutover-ignore-file drop-table, no-cascade`,
      expected: [
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore-file', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore-file.cutover'],
        ['\n', ''],
        ['--', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.definition.comment.sql'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['cutover-ignore-file', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover keyword.control.cutover-ignore-file.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['drop-table', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
        [',', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover punctuation.separator.comma.cutover'],
        [' ', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover'],
        ['no-cascade', 'comment.line.double-dash.sql meta.directive.cutover-ignore.cutover entity.name.tag.rule.cutover'],
      ],
    },
    {
      name: 'a normal comment',
      source: String.raw`-- drop the old column once the app stopped reading it`,
      expected: [
        ['--', 'comment.line.double-dash.sql punctuation.definition.comment.sql'],
        [' drop the old column once the app stopped reading it', 'comment.line.double-dash.sql'],
      ],
    },
  ];
  for (const c of cases) {
    test(`snapshot: ${c.name}`, () => {
      assert.deepEqual(snapshot(sqlTokens(withCutover, c.source), SNAPSHOT_DEPTH), c.expected);
    });
  }

  test('every token Cutover scopes in a directive keeps a comment scope (VS Code still treats the line as a comment)', () => {
    for (const c of cases) {
      for (const t of sqlTokens(withCutover, c.source)) {
        if (t.scopes.some((s) => s.endsWith('.cutover'))) assert.ok(t.scopes.some((s) => s.startsWith('comment.')), `${c.name}: ${JSON.stringify(t)}`);
      }
    }
  });
});
