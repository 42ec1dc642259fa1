import { describe, test } from 'node:test';
import { assertClean, assertViolations } from '../helpers';

const RULE = 'unsupported-feature';

describe('unsupported-feature', () => {
  test('flags triggers, routines, events and databases by their keyword', () => {
    const sql = [
      'DELIMITER $$',
      'CREATE DEFINER=`root`@`localhost` TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW BEGIN SET NEW.updated_at = NOW(); END$$',
      'CREATE PROCEDURE purge() BEGIN DELETE FROM sessions; END$$',
      'DELIMITER ;',
      'CREATE FUNCTION f() RETURNS INT DETERMINISTIC RETURN 1;',
      'CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY DO DELETE FROM sessions;',
      'DROP TRIGGER IF EXISTS orders_touch;',
      'CREATE DATABASE app;',
    ].join('\n');
    assertViolations(sql, RULE, ['TRIGGER', 'PROCEDURE', 'FUNCTION', 'EVENT', 'DATABASE']);
  });

  test('flags non-InnoDB engines in CREATE and ALTER TABLE', () => {
    assertViolations('CREATE TABLE t (id INT PRIMARY KEY) ENGINE=MyISAM;', RULE, ['ENGINE=MyISAM']);
    assertViolations('ALTER TABLE t ENGINE = MEMORY;', RULE, ['ENGINE = MEMORY']);
  });

  test('not dropping a trigger or routine, views, InnoDB tables, or anything on plain MySQL', () => {
    assertClean('DROP TRIGGER IF EXISTS t;\nDROP PROCEDURE IF EXISTS p;', RULE);
    assertClean('CREATE VIEW v AS SELECT 1;\nCREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB;', RULE);
    assertClean('CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1;', RULE, { target: 'mysql' });
  });
});
