import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rng } from '../../support/random';
import { Token, isTrivia, lex, significant } from '../../../server/src/engine/sql/lexer';

/** kind:text pairs, the most readable way to compare token streams. */
function pairs(src: string): string[] {
  return lex(src).map((t) => `${t.kind}:${t.text}`);
}

function nonSpace(src: string): string[] {
  return lex(src).filter((t) => t.kind !== 'whitespace').map((t) => `${t.kind}:${t.text}`);
}

function only(src: string): Token {
  const tokens = lex(src);
  assert.equal(tokens.length, 1, `expected one token for ${JSON.stringify(src)}, got ${pairs(src).join(' | ')}`);
  return tokens[0];
}

/** Checks that tokens tile [start, end) exactly and carry their own text. */
function assertTiles(src: string, tokens: Token[], start = 0, end = src.length): void {
  let pos = start;
  for (const t of tokens) {
    assert.equal(t.start, pos, `gap or overlap at ${pos} in ${JSON.stringify(src)}`);
    assert.ok(t.end > t.start, `empty token at ${pos} in ${JSON.stringify(src)}`);
    assert.equal(t.text, src.slice(t.start, t.end));
    pos = t.end;
  }
  assert.equal(pos, end);
  assert.equal(tokens.map((t) => t.text).join(''), src.slice(start, end));
}


const FRAGMENTS = [
  'SELECT', ' ', '\n', '\r\n', '\t', "'", '"', '`', '\\', '--', '-- ', '-', '#', '/*', '*/', '/*!', '/*!50001',
  '/*+', ';', ';;', '$$', '@', '@@', '.', '0x', '0x1F', '1e', '1e5', '3.5', 'é', '😀', '\ud800', '<=>', '->>',
  '<', '=', '>', '!', '|', '&', ':', 'FOREIGN KEY', '`a``b`', "'it''s'", 'N', "X'0A'", '\0', '\u00a0', '\ufeff',
];

function randomInput(next: () => number): string {
  const n = Math.floor(next() * 40);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += next() < 0.8
      ? FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]
      : String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return s;
}

describe('lexer: token kinds', () => {
  test('words, including $, digits-first names and non-ASCII letters', () => {
    assert.deepEqual(nonSpace('FOREIGN users t1 a$b 1abc café'), [
      'word:FOREIGN', 'word:users', 'word:t1', 'word:a$b', 'word:1abc', 'word:café',
    ]);
    assert.equal(only('select').upper, 'SELECT');
  });

  test('backtick identifiers with doubled backticks', () => {
    const t = only('`a``b`');
    assert.equal(t.kind, 'quoted');
    assert.equal(t.value, 'a`b');
    assert.equal(only('`we\\ird`').value, 'we\\ird', 'backslash is not an escape in identifiers');
  });

  test('strings with backslash escapes and doubled quotes', () => {
    assert.deepEqual([only("'a\\'b'").kind, only("'a\\'b'").value], ['string', "a'b"]);
    assert.equal(only("'a''b'").value, "a'b");
    assert.equal(only('"x\\"y"').value, 'x"y');
    assert.equal(only('"x""y"').value, 'x"y');
    assert.equal(only("'a\\nb\\tc\\\\d\\0'").value, 'a\nb\tc\\d\0');
    assert.equal(only("'50\\%'").value, '50\\%', 'MySQL keeps the backslash before % and _');
    assert.deepEqual(nonSpace("N'x' _utf8mb4'y' X'0A'"), [
      'word:N', "string:'x'", 'word:_utf8mb4', "string:'y'", 'word:X', "string:'0A'",
    ]);
  });

  test('numbers', () => {
    for (const n of ['12', '3.5', '1e10', '1.5E-3', '0x1F', '0b101', '.5']) {
      assert.equal(only(n).kind, 'number', n);
    }
    assert.equal(only('0x1G').kind, 'word');
  });

  test('variables', () => {
    assert.deepEqual(nonSpace('@x @@session.sql_mode @`quoted var` @\'s\' @@GLOBAL.x'), [
      'variable:@x', 'variable:@@session.sql_mode', 'variable:@`quoted var`', "variable:@'s'", 'variable:@@GLOBAL.x',
    ]);
    // In account names the @ is an operator.
    assert.deepEqual(pairs("'root'@'localhost'"), ["string:'root'", 'punct:@', "string:'localhost'"]);
    assert.deepEqual(pairs('`root`@`%`'), ['quoted:`root`', 'punct:@', 'quoted:`%`']);
  });

  test('punctuation and multi-char operators', () => {
    assert.deepEqual(
      nonSpace('( ) , ; . = <=> <= >= <> != := -> ->> || && < > ! + - * / %'),
      ['(', ')', ',', ';', '.', '=', '<=>', '<=', '>=', '<>', '!=', ':=', '->', '->>', '||', '&&',
        '<', '>', '!', '+', '-', '*', '/', '%'].map((p) => `punct:${p}`),
    );
    assert.deepEqual(pairs('a<=>b'), ['word:a', 'punct:<=>', 'word:b']);
  });

  test('unknown characters', () => {
    assert.deepEqual(pairs('a\\b'), ['word:a', 'unknown:\\', 'word:b']);
    assert.equal(only('\0').kind, 'unknown');
  });

  test('whitespace runs are one token', () => {
    assert.deepEqual(pairs(' \t\r\n x'), ['whitespace: \t\r\n ', 'word:x']);
  });
});

describe('lexer: comments', () => {
  test('"--" needs whitespace after it: 1--1 is minus minus', () => {
    assert.deepEqual(pairs('1--1'), ['number:1', 'punct:-', 'punct:-', 'number:1']);
  });

  test('"-- ", "--\\n", "--\\t" and "--" at end of input are comments', () => {
    assert.deepEqual(pairs('a -- note\nb'), ['word:a', 'whitespace: ', 'comment:-- note', 'whitespace:\n', 'word:b']);
    assert.deepEqual(pairs('--\nb'), ['comment:--', 'whitespace:\n', 'word:b']);
    assert.deepEqual(pairs('--\tx'), ['comment:--\tx']);
    assert.deepEqual(pairs('a --'), ['word:a', 'whitespace: ', 'comment:--']);
    assert.deepEqual(pairs('-- x\r\ny'), ['comment:-- x', 'whitespace:\r\n', 'word:y']);
  });

  test('# comments', () => {
    assert.deepEqual(pairs('a #x; y\nb'), ['word:a', 'whitespace: ', 'comment:#x; y', 'whitespace:\n', 'word:b']);
  });

  test('block comments, including optimizer hints', () => {
    assert.deepEqual(pairs('a/* x ; \n y */b'), ['word:a', 'comment:/* x ; \n y */', 'word:b']);
    assert.deepEqual(nonSpace('SELECT /*+ MAX_EXECUTION_TIME(1) */ 1'), [
      'word:SELECT', 'comment:/*+ MAX_EXECUTION_TIME(1) */', 'number:1',
    ]);
  });

  test('a "*/" outside any comment is punctuation', () => {
    assert.deepEqual(pairs('a */ b').filter((p) => !p.startsWith('whitespace')), ['word:a', 'punct:*', 'punct:/', 'word:b']);
  });

  test('comment-like text inside strings and identifiers stays there', () => {
    assert.deepEqual(nonSpace("'-- x' `/* y */` \"# z\""), ["string:'-- x'", 'quoted:`/* y */`', 'string:"# z"']);
  });
});

describe('lexer: executable comments', () => {
  test('versioned conditional comment: contents are lexed as normal tokens', () => {
    const tokens = lex('/*!50001 ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id) */;');
    assert.equal(tokens[0].kind, 'conditionalOpen');
    assert.equal(tokens[0].text, '/*!50001');
    assert.equal(tokens[0].version, 50001);
    const words = tokens.filter((t) => t.kind === 'word').map((t) => t.upper);
    assert.deepEqual(words, ['ALTER', 'TABLE', 'T', 'ADD', 'FOREIGN', 'KEY', 'A', 'REFERENCES', 'P', 'ID']);
    const close = tokens[tokens.length - 2];
    assert.deepEqual([close.kind, close.text], ['conditionalClose', '*/']);
    assert.deepEqual([tokens[tokens.length - 1].kind, tokens[tokens.length - 1].text], ['punct', ';']);
  });

  test('conditional comment without version and with a 6-digit version', () => {
    assert.deepEqual(pairs('/*!FOREIGN KEY*/'), ['conditionalOpen:/*!', 'word:FOREIGN', 'whitespace: ', 'word:KEY', 'conditionalClose:*/']);
    assert.equal(lex('/*!80023 x */')[0].version, 80023);
    assert.equal(lex('/*!100101 x */')[0].version, 100101);
    assert.equal(lex('/*! x */')[0].version, undefined);
  });

  test('a string containing */ inside a conditional comment stays a string', () => {
    assert.deepEqual(nonSpace("/*!40101 SET @a = '*/' */ x"), [
      'conditionalOpen:/*!40101', 'word:SET', 'variable:@a', 'punct:=', "string:'*/'", 'conditionalClose:*/', 'word:x',
    ]);
  });

  test('a plain comment inside a conditional comment ends at its own */', () => {
    assert.deepEqual(nonSpace('/*!50001 a /* b */ c */ d */'), [
      'conditionalOpen:/*!50001', 'word:a', 'comment:/* b */', 'word:c', 'conditionalClose:*/', 'word:d', 'punct:*', 'punct:/',
    ]);
  });

  test('/*+ hints and MariaDB /*M! comments are plain comments', () => {
    assert.equal(only('/*+ BKA(t) */').kind, 'comment');
    assert.equal(only('/*M!100101 SET x=1 */').kind, 'comment');
  });

  test('trivia helpers', () => {
    const tokens = lex('/*!40101 SET /* c */ x -- d\n*/');
    assert.deepEqual(significant(tokens).map((t) => t.text), ['SET', 'x']);
    assert.deepEqual(tokens.filter(isTrivia).map((t) => t.kind), [
      'conditionalOpen', 'whitespace', 'whitespace', 'comment', 'whitespace', 'whitespace', 'comment', 'whitespace', 'conditionalClose',
    ]);
  });
});

describe('lexer: unterminated constructs', () => {
  test('run to the end of input and are flagged', () => {
    for (const [src, kind] of [["x 'abc", 'string'], ['x "a\\"', 'string'], ['x `ab', 'quoted'], ['x /* abc', 'comment']] as const) {
      const last = lex(src).at(-1)!;
      assert.equal(last.kind, kind, src);
      assert.equal(last.unterminated, true, src);
      assert.equal(last.end, src.length, src);
    }
    assert.equal(lex("'a'")[0].unterminated, undefined);
    assert.equal(lex("'ab\\")[0].value, 'ab\\');
  });

  test('an unclosed conditional comment flags its opener', () => {
    const tokens = lex('/*!40101 SET x = 1');
    assert.equal(tokens[0].kind, 'conditionalOpen');
    assert.equal(tokens[0].unterminated, true);
    assert.equal(lex('/*!40101 SET x = 1 */')[0].unterminated, undefined);
  });
});

describe('lexer: offsets', () => {
  test('UTF-16 offsets with non-ASCII text', () => {
    const src = "SELECT 'é😀' AS `naïve`, 😀x FROM t";
    const tokens = lex(src);
    assertTiles(src, tokens);
    const str = tokens.find((t) => t.kind === 'string')!;
    assert.equal(str.start, src.indexOf("'é"));
    assert.equal(str.end, src.indexOf(' AS'));
    assert.equal(str.value, 'é😀');
    const word = tokens.find((t) => t.text === '😀x')!;
    assert.equal(word.kind, 'word');
    assert.equal(word.start, src.indexOf('😀x'));
    assert.equal(word.end - word.start, 3, 'the emoji is two UTF-16 code units');
    assert.equal(tokens.find((t) => t.text === 'FROM')!.start, src.indexOf('FROM'));
  });

  test('lexing a range keeps offsets relative to the whole text', () => {
    const src = "abc; SELECT 'x' -- c";
    const tokens = lex(src, 5, 16);
    assert.deepEqual(tokens.map((t) => t.text), ['SELECT', ' ', "'x'", ' ']);
    assert.equal(tokens[0].start, 5);
    assertTiles(src, tokens, 5, 16);
    assert.deepEqual(lex(src, 10, 3), []);
    assert.deepEqual(lex('', 0, 10), []);
  });

  test('round trip: tokens tile the input exactly, on random SQL-ish garbage', () => {
    const next = rng(12345);
    for (let i = 0; i < 500; i++) {
      const src = randomInput(next);
      assertTiles(src, lex(src));
      const a = Math.floor(next() * (src.length + 1));
      const b = a + Math.floor(next() * (src.length - a + 1));
      assertTiles(src, lex(src, a, b), a, b);
    }
  });

  test('round trip on realistic dump text', () => {
    const src = [
      '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
      "INSERT INTO `t` VALUES (1,'it''s \\'ok\\'',0x1F,-1.5e3,NULL),(2,'é😀',@a,@@x,b'01');",
      '/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER x BEGIN SET a:=1; END */;;',
    ].join('\n');
    assertTiles(src, lex(src));
  });
});

describe('lexer: scale', () => {
  test('5 MB inputs lex (linear time, no deep recursion)', () => {
    const row = "INSERT INTO `t` VALUES (1,'a;b -- c',0x1F,3.5),(2,\"x\\\"y\",NULL); -- note\n/*!40101 SET x=1 */;\n";
    const big = row.repeat(Math.ceil(5_000_000 / row.length));
    const tokens = lex(big);
    assert.equal(tokens[tokens.length - 1].end, big.length);
    // Pathological shapes: one huge unterminated construct, or a million tiny tokens.
    for (const src of ["'".repeat(1_000_001), '/*'.repeat(500_000), '/*!'.repeat(300_000), '@'.repeat(1_000_000), '-'.repeat(1_000_000)]) {
      const t = lex(src);
      assert.equal(t[t.length - 1].end, src.length);
    }
  });
});
