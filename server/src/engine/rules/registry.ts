import addNotNullColumn from './add-not-null-column';
import changeColumnType from './change-column-type';
import dropColumn from './drop-column';
import dropTable from './drop-table';
import impossibleAlgorithm from './impossible-algorithm';
import invalidCharset from './invalid-charset';
import lockingAlter from './locking-alter';
import mariadbSyntax from './mariadb-syntax';
import noCascade from './no-cascade';
import noForeignKeys from './no-foreign-keys';
import noUniqueKey from './no-unique-key';
import parseError from './parse-error';
import renameColumn from './rename-column';
import renameTable from './rename-table';
import safeMigrations from './safe-migrations';
import { RuleDefinition } from './rule';
import unsupportedFeature from './unsupported-feature';
import unusedIgnore from './unused-ignore';

/** Every rule, one line each. A test checks that each rule file is listed here and documented. */
export const RULES: readonly RuleDefinition[] = [
  noForeignKeys,
  noCascade,
  lockingAlter,
  impossibleAlgorithm,
  dropColumn,
  dropTable,
  renameColumn,
  renameTable,
  changeColumnType,
  addNotNullColumn,
  unsupportedFeature,
  mariadbSyntax,
  invalidCharset,
  noUniqueKey,
  safeMigrations,
  parseError,
  unusedIgnore,
];

export function findRule(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
