import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'rename-table';

describe('rename-table', () => {
  test('flags RENAME TABLE pairs and ALTER TABLE … RENAME', () => {
    assertViolations('RENAME TABLE customers TO accounts, carts TO baskets;', RULE, ['customers TO accounts', 'carts TO baskets']);
    assertViolations('ALTER TABLE customers RENAME TO accounts;', RULE, ['RENAME TO accounts']);
    assertViolations('ALTER TABLE customers RENAME AS accounts;', RULE, ['RENAME AS accounts'], { target: 'vitess' });
  });

  test('not a table created in the same file, nor RENAME INDEX/COLUMN', () => {
    assertClean('CREATE TABLE tmp (id INT PRIMARY KEY);\nRENAME TABLE tmp TO final;', RULE);
    assertClean('ALTER TABLE t RENAME INDEX a TO b;', RULE);
  });
});
