import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from 'php-parser';
import type { Node } from 'php-parser';
import {
  DecodedEmbeddedSql, NON_LITERAL_MESSAGE, embeddedSqlOf, isPhpProblem, sqlEdits,
} from '../../../server/src/engine/php/embeddedSql';
import { PhpProblem } from '../../../server/src/engine/php/types';
import { rng } from '../../support/random';

const engine = new Engine({ parser: { php8: true, suppressErrors: false }, ast: { withPositions: true } });

/** Parses `<?php f(ARG);` and returns the source and the argument node. */
function parseArg(arg: string): { source: string; node: Node } {
  const source = `<?php\nf(${arg});\n`;
  const program = engine.parseCode(source, 'test.php');
  const statement = program.children[0] as unknown as { expression: { arguments: Node[] } };
  return { source, node: statement.expression.arguments[0] };
}

function decode(arg: string): { source: string; e: DecodedEmbeddedSql } {
  const { source, node } = parseArg(arg);
  const result = embeddedSqlOf(node, source, false);
  if (isPhpProblem(result)) assert.fail(`unexpected problem: ${result.message}`);
  return { source, e: result };
}

function problem(arg: string): { source: string; p: PhpProblem } {
  const { source, node } = parseArg(arg);
  const result = embeddedSqlOf(node, source, false);
  assert.ok(isPhpProblem(result), `expected a problem for ${arg}`);
  return { source, p: result };
}

/**
 * Checks toSource for every offset: the source there is the character itself, or one of `escapes` ([source text,
 * what it decodes to]) producing it; offsets never go backwards; boundaries between literals map to the end of the
 * left literal's content, `sql.length` to the end of the last one's.
 */
function assertMap(source: string, e: DecodedEmbeddedSql, escapes: Array<[string, string]> = []): void {
  let previous = -1;
  for (let i = 0; i < e.sql.length; i++) {
    const at = e.toSource(i);
    assert.ok(at >= previous, `offset ${i} goes backwards`);
    previous = at;
    const boundary = e.literals.find((lit) => lit.sqlEnd === i && i > 0 && lit !== e.literals[e.literals.length - 1]);
    if (boundary) {
      assert.equal(at, boundary.contentEnd, `boundary ${i} maps to the end of the left literal`);
      const right = e.toSource(i, 'right');
      assert.ok(producedBy(source, right, e.sql[i], escapes), `offset ${i} (right side) → ${JSON.stringify(source.slice(right, right + 8))}`);
      continue;
    }
    assert.ok(producedBy(source, at, e.sql[i], escapes),
      `sql[${i}] = ${JSON.stringify(e.sql[i])} but source at ${at} is ${JSON.stringify(source.slice(at, at + 8))}`);
  }
  const last = e.literals[e.literals.length - 1];
  assert.equal(e.toSource(e.sql.length), last.contentEnd);
  assert.equal(e.toSource(e.sql.length + 5), last.contentEnd, 'offsets past the end are clamped');
}

function producedBy(source: string, at: number, ch: string, escapes: Array<[string, string]>): boolean {
  if (source[at] === '\\') {
    if (escapes.some(([text, value]) => source.startsWith(text, at) && value.includes(ch))) return true;
    // A backslash that is not an escape stands for itself.
    return ch === '\\' && !escapes.some(([text]) => source.startsWith(text, at));
  }
  return source[at] === ch;
}

/** Replaces sql[from, to) inside the PHP with `edits`, re-parses (must be valid PHP) and decodes again. */
function replaceInside(source: string, e: DecodedEmbeddedSql, from: number, to: number, text: string): string {
  let edited = source;
  for (const edit of sqlEdits(e, from, to, text).reverse()) {
    edited = edited.slice(0, edit.start) + edit.newText + edited.slice(edit.end);
  }
  const program = engine.parseCode(edited, 'edited.php');
  const statement = program.children[0] as unknown as { expression: { arguments: Node[] } };
  const again = embeddedSqlOf(statement.expression.arguments[0], edited, false);
  if (isPhpProblem(again)) assert.fail(`re-decoding failed: ${again.message}\n${edited}`);
  return again.sql;
}

describe('embeddedSqlOf: single-quoted strings', () => {
  test('only \\\' and \\\\ are escapes', () => {
    const { source, e } = decode(String.raw`'it\'s a \\ back\slash \n'`);
    assert.equal(e.sql, String.raw`it's a \ back\slash \n`);
    assertMap(source, e, [[String.raw`\'`, "'"], [String.raw`\\`, '\\']]);
    assert.equal(e.start, source.indexOf("'"));
    assert.equal(e.end, source.lastIndexOf("'") + 1);
    assert.equal(e.rollback, false);
  });

  test('binary prefix and empty string', () => {
    const { source, e } = decode(`b'ALTER TABLE x'`);
    assert.equal(e.sql, 'ALTER TABLE x');
    assertMap(source, e);
    const empty = decode(`''`);
    assert.equal(empty.e.sql, '');
    assert.equal(empty.e.toSource(0), empty.source.indexOf("'") + 1);
  });

  test('non-ASCII text maps code unit by code unit', () => {
    const { source, e } = decode(`'COMMENT \\'café 😀\\''`);
    assert.equal(e.sql, "COMMENT 'café 😀'");
    assertMap(source, e, [[String.raw`\'`, "'"]]);
  });
});

describe('embeddedSqlOf: double-quoted strings', () => {
  const ESCAPES: Array<[string, string]> = [
    ['\\"', '"'], ['\\\\', '\\'], ['\\n', '\n'], ['\\t', '\t'], ['\\r', '\r'], ['\\$', '$'], ['\\v', '\v'],
    ['\\e', '\x1b'], ['\\f', '\f'], ['\\x41', 'A'], ['\\X42', 'B'], ['\\x9', '\t'], ['\\101', 'A'], ['\\0', '\0'],
    ['\\400', '\0'], ['\\u{e9}', 'é'], ['\\u{1F600}', '😀'], ['\\xC3\\xA9', 'é'], ['\\303\\251', 'é'],
  ];

  test('every escape kind decodes as PHP does and maps to its backslash', () => {
    const arg = String.raw`"a\"b\\c\n\t\r\$d\v\e\f|\x41\X42\x9|\101\0\400|\u{e9}\u{1F600}|caf\xC3\xA9 caf\303\251|\q\u00e9\x\u"`;
    const { source, e } = decode(arg);
    assert.equal(e.sql, 'a"b\\c\n\t\r$d\v\x1b\f|AB\t|A\0\0|é😀|café café|\\q\\u00e9\\x\\u');
    assertMap(source, e, ESCAPES);
    // A multi-byte character from several byte escapes maps to the first one; the next character follows them.
    const i = e.sql.indexOf('é', e.sql.indexOf('caf'));
    assert.ok(source.startsWith('\\xC3\\xA9 ', e.toSource(i)));
    assert.equal(source[e.toSource(i + 1)], ' ');
  });

  test('agrees with php-parser on plain escapes', () => {
    const arg = String.raw`"ALTER TABLE \"t\" ADD c INT COMMENT 'x\\y' -- \$z\n"`;
    const { source, node } = parseArg(arg);
    const result = embeddedSqlOf(node, source, true) as DecodedEmbeddedSql;
    assert.equal(result.sql, (node as unknown as { value: string }).value);
    assert.equal(result.rollback, true);
  });

  test('"$" not followed by a name is no interpolation', () => {
    const { e } = decode(`"SELECT '$' , '{' , '$1'"`);
    assert.equal(e.sql, "SELECT '$' , '{' , '$1'");
  });

  test('bytes that are not UTF-8 and bad \\u{} escapes are problems on the literal', () => {
    for (const arg of [String.raw`"a\xff"`, String.raw`"\xC3"`, String.raw`"\u{D800}"`, String.raw`"\xC3" . "\xA9"`]) {
      const { source, p } = problem(arg);
      assert.match(p.message, /not checked/);
      assert.ok(source.slice(p.start, p.end).startsWith('"'), arg);
    }
  });
});

describe('embeddedSqlOf: heredoc and nowdoc', () => {
  test('flexible heredoc: indentation stripped, \\" kept, escapes decoded', () => {
    const arg = '<<<SQL\n    ALTER TABLE "t"\n      ADD c INT COMMENT \\"q\\" -- \\$x \\t\n\n    SQL';
    const { source, e } = decode(arg);
    assert.equal(e.sql, 'ALTER TABLE "t"\n  ADD c INT COMMENT \\"q\\" -- $x \t\n');
    assertMap(source, e, [['\\$', '$'], ['\\t', '\t']]);
    assert.equal(e.literals[0].indent, '    ');
    assert.equal(e.literals[0].label, 'SQL');
    assert.equal(source.slice(e.start, e.end), arg);
  });

  test('nowdoc is taken as written; quoted heredoc label; CRLF lines', () => {
    const now = decode("<<<'SQL'\n  DROP TABLE `a\\n`;\n  SQL");
    assert.equal(now.e.sql, 'DROP TABLE `a\\n`;');
    assertMap(now.source, now.e);
    const crlf = decode('<<<"EOT"\r\nALTER TABLE t\r\nDROP x\r\nEOT');
    assert.equal(crlf.e.sql, 'ALTER TABLE t\r\nDROP x');
    assertMap(crlf.source, crlf.e);
  });

  test('empty heredoc and nowdoc', () => {
    assert.equal(decode('<<<EOT\nEOT').e.sql, '');
    assert.equal(decode("<<<'EOT'\n  EOT").e.sql, '');
  });
});

describe('embeddedSqlOf: concatenation', () => {
  const ARG = "'ALTER TABLE post '\n      . \"ADD CONSTRAINT \\\"fk\\\" \"\n      . <<<'SQL'\n        FOREIGN KEY (a)\n        SQL\n      . ''\n      . ('REFERENCES ' . 'b (id)')";

  test('literals over several lines, in order, with boundaries on the left literal', () => {
    const { source, e } = decode(ARG);
    assert.equal(e.sql, 'ALTER TABLE post ADD CONSTRAINT "fk" FOREIGN KEY (a)REFERENCES b (id)');
    assert.deepEqual(e.literals.map((l) => l.kind), ['single', 'double', 'nowdoc', 'single', 'single', 'single']);
    assertMap(source, e, [['\\"', '"']]);
    assert.equal(source.slice(e.start, e.end), ARG);
    const boundary = e.sql.indexOf('ADD');
    assert.equal(source[e.toSource(boundary)], "'", 'end of the left content is its closing quote');
    assert.ok(source.startsWith('ADD', e.toSource(boundary, 'right')));
    // Through the empty literal: left → end of the nowdoc body, right → the next non-empty content.
    const refs = e.sql.indexOf('REFERENCES');
    assert.equal(source[e.toSource(refs)], '\n');
    assert.ok(source.startsWith('REFERENCES', e.toSource(refs, 'right')));
  });

  test('non-literal parts anywhere make the whole argument a problem', () => {
    const cases: Array<[string, RegExp]> = [
      ['$sql', /variable \$sql/],
      ['"ALTER TABLE $table DROP x"', /interpolation/],
      ['"ALTER TABLE {$t} DROP x"', /interpolation/],
      ['<<<SQL\n  DROP TABLE $t\n  SQL', /interpolation/],
      ["sprintf('DROP TABLE %s', $t)", /sprintf/],
      ["'DROP TABLE ' . $this->table", /property/],
      ["'DROP TABLE ' . $this->tableName()", /method call tableName/],
      ["'DROP TABLE ' . self::TABLE", /class constant/],
      ["'DROP TABLE x' . PHP_EOL", /constant PHP_EOL/],
      ["'a' . 1", /number/],
      ['`ls`', /shell/],
      ["$a ? 'x' : 'y'", /expression/],
    ];
    for (const [arg, detail] of cases) {
      const { source, p } = problem(arg);
      assert.ok(p.message.startsWith(NON_LITERAL_MESSAGE), p.message);
      assert.match(p.message, detail);
      assert.equal(source.slice(p.start, p.end), arg, 'spans the whole argument');
    }
  });

  test('named argument', () => {
    const { e } = decode("sql: 'DROP TABLE x'");
    assert.equal(e.sql, 'DROP TABLE x');
  });
});

describe('encode: replacement text for the literal', () => {
  const NASTY = "x'y\"z $a {$b} \\ \\n \\' \\x41 ${c}";

  test('each literal kind round-trips and stays valid PHP', () => {
    for (const arg of ["'ALTER TABLE t ADD c INT'", '"ALTER TABLE t ADD c INT"', '<<<SQL\n  ALTER TABLE t ADD c INT\n  SQL',
      "<<<'SQL'\n  ALTER TABLE t ADD c INT\n  SQL", "b'ALTER TABLE t ADD c INT'"]) {
      const { source, e } = decode(arg);
      const from = e.sql.indexOf('ADD');
      const text = arg.startsWith("<<<'") ? NASTY.replace(/\\/g, '/') : NASTY;
      assert.equal(replaceInside(source, e, from, from + 3, text), `ALTER TABLE t ${text} c INT`, arg);
      assert.equal(replaceInside(source, e, 0, e.sql.length, ''), '', arg);
      assert.equal(replaceInside(source, e, e.sql.length, e.sql.length, ';'), 'ALTER TABLE t ADD c INT;', arg);
    }
  });

  test('a single-quoted \\ at the very end stays a backslash', () => {
    const { source, e } = decode("'a'");
    assert.equal(replaceInside(source, e, 1, 1, 'b\\'), 'ab\\');
  });

  test('heredoc and nowdoc: new lines are indented; heredoc guards a line that would close it', () => {
    const { source, e } = decode('<<<SQL\n    ALTER TABLE t\n      ADD c INT\n    SQL');
    const from = e.sql.indexOf('ADD');
    assert.equal(replaceInside(source, e, from, from + 3, 'ADD d INT,\nSQL x,\n  SQL;\n  ADD'),
      'ALTER TABLE t\n  ADD d INT,\nSQL x,\n  SQL;\n  ADD c INT');
    const now = decode("<<<'SQL'\n    ALTER TABLE t\n      ADD c INT\n    SQL");
    assert.equal(replaceInside(now.source, now.e, from, from + 3, 'ADD d INT,\nADD'), 'ALTER TABLE t\n  ADD d INT,\nADD c INT');
  });

  test('edits across literals of different kinds never merge them', () => {
    const arg = `'ALTER TABLE t ' . "ADD c INT, " . <<<SQL\n    ADD d INT,\n    ADD e INT\n    SQL . ' -- end'`;
    const { source, e } = decode(arg);
    assert.equal(e.sql, 'ALTER TABLE t ADD c INT, ADD d INT,\nADD e INT -- end');
    const cases: Array<[string, string, string, string]> = [
      ['t ', 'ADD e', "T2 '$x' ", "ALTER TABLE T2 '$x' ADD e INT -- end"],
      ['ADD c', 'ADD e', '', 'ALTER TABLE t ADD e INT -- end'],
      ['ADD c', 'ADD c', '"$"', 'ALTER TABLE t "$"ADD c INT, ADD d INT,\nADD e INT -- end'],
      ['ADD d', ' -- end', "x\ny'", "ALTER TABLE t ADD c INT, x\ny' -- end"],
      ['INT,\n', ' -- end', '', 'ALTER TABLE t ADD c INT, ADD d  -- end'],
    ];
    for (const [fromText, toText, text, expected] of cases) {
      const from = e.sql.indexOf(fromText);
      const to = e.sql.indexOf(toText, from);
      assert.equal(replaceInside(source, e, from, to, text), expected, `${fromText}…${toText}`);
    }
    const tail = sqlEdits(e, e.sql.indexOf('ADD c'), e.sql.length, '');
    assert.deepEqual(tail.map((edit) => source.slice(edit.start, edit.end)), ['ADD c INT, ', 'ADD d INT,\n    ADD e INT', ' -- end']);
  });

  test('mixed kinds: encode follows the literal at the given offset', () => {
    const { source, e } = decode(`'ALTER TABLE t ' . "DROP x"`);
    const inDouble = e.sql.indexOf('x');
    assert.equal(replaceInside(source, e, inDouble, inDouble + 1, "$y'"), "ALTER TABLE t DROP $y'");
    assert.equal(replaceInside(source, e, 0, 5, "'$"), "'$ TABLE t DROP x");
    assert.equal(e.encode('$"'), '$"', 'without an offset: the first literal (single-quoted)');
  });
});

describe('encode/decode: random text', () => {
  const PIECES = ["'", '"', '$', '$x', '{$x}', '${x}', '\\', '\\n', '\\x41', '\\u{e9}', '\n', '\r\n', '\t', 'SQL', ' SQL\n',
    'é', '😀', '`', 'ALTER', ' ', '--', '0', '}'];

  test('any text encoded into any literal kind reads back the same, and maps back character by character', () => {
    const random = rng(7);
    const shapes: Array<(body: string) => string> = [
      (b) => `'${b}'`, (b) => `"${b}"`, (b) => `<<<SQL\n    ${b}\n    SQL`, (b) => `'a' . "${b}" . 'z'`,
      (b) => `<<<SQL\n  x${b}y\n\n  SQL`, (b) => `"a" . <<<'EOT'\n    ${b}\n    EOT`, (b) => `<<<"SQL"\r\n${b}\r\nSQL . 'z'`,
    ];
    for (let round = 0; round < 1400; round++) {
      let text = '';
      for (let n = Math.floor(random() * 12); n > 0; n--) text += PIECES[Math.floor(random() * PIECES.length)];
      const shape = shapes[round % shapes.length];
      const { source, e } = decode(shape('MARK'));
      const at = e.sql.indexOf('MARK');
      assert.equal(replaceInside(source, e, at, at + 4, text), e.sql.replace('MARK', () => text), `${JSON.stringify(text)} in ${shape('…')}`);
      // The simple way works too inside one literal: toSource + encode.
      const edited = source.slice(0, e.toSource(at + 1)) + e.encode(text, at + 1) + source.slice(e.toSource(at + 3));
      const again = embeddedSqlOf((engine.parseCode(edited, 'x.php').children[0] as unknown as { expression: { arguments: Node[] } })
        .expression.arguments[0], edited, false) as DecodedEmbeddedSql;
      assert.equal(again.sql, e.sql.replace('MARK', () => `M${text}K`));
      for (let i = 1; i <= again.sql.length; i++) assert.ok(again.toSource(i) >= again.toSource(i - 1));
    }
  });
});
