import { RuleDefinition } from './rule';
import noForeignKeys from './no-foreign-keys';

/** Every rule, one line each. A test checks that each rule file is listed here and documented. */
export const RULES: readonly RuleDefinition[] = [noForeignKeys];

export function findRule(id: string): RuleDefinition | undefined {
  return RULES.find((rule) => rule.id === id);
}
