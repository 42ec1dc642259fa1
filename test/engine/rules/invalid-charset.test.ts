import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'invalid-charset';

describe('invalid-charset', () => {
  test('flags table, column and CONVERT TO character sets PlanetScale refuses', () => {
    assertViolations('CREATE TABLE t (id INT PRIMARY KEY, body TEXT CHARACTER SET utf16) DEFAULT CHARSET=ucs2;', RULE, ['body TEXT CHARACTER SET utf16', 'DEFAULT CHARSET=ucs2']);
    assertViolations('ALTER TABLE t CONVERT TO CHARACTER SET sjis;', RULE, ['CONVERT TO CHARACTER SET sjis']);
  });

  test('accepts utf8mb4, utf8mb3, utf8, latin1, ascii and binary; off on other targets', () => {
    assertClean('CREATE TABLE t (id INT PRIMARY KEY, a TEXT CHARACTER SET latin1, b VARCHAR(9) CHARSET ascii, c VARCHAR(9) CHARSET utf8) DEFAULT CHARSET=utf8mb4;', RULE);
    assertClean('CREATE TABLE t (id INT PRIMARY KEY) DEFAULT CHARSET=utf16;', RULE, { target: 'mysql' });
  });
});
