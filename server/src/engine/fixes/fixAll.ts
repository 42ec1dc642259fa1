import { lintMigration } from '../migration';
import { Schema } from '../schema/model';
import { Finding, LintOptions } from '../types';
import { applyEdits } from './listEdits';

/**
 * Applies fixes one at a time, re-linting after each, until none of the chosen kind is left: neighbouring fixes (two
 * foreign keys in a row share a comma) then never fight over the same text. `choose` picks a finding's fix, if any.
 */
export function applyFixesRepeatedly(
  source: string,
  options: LintOptions,
  path: string | undefined,
  schema: Schema,
  choose: (finding: Finding) => number | undefined,
): { text: string; applied: number } {
  let text = source;
  let applied = 0;
  const pending = (current: string) => lintMigration(current, options, path, schema).findings.filter((f) => choose(f) !== undefined);
  const limit = pending(source).length;
  for (let round = 0; round < limit; round++) {
    const next = pending(text)[0];
    if (!next) break;
    text = applyEdits(text, next.fixes[choose(next)!].edits);
    applied++;
  }
  return { text, applied };
}

/** Every fix of one rule (the CLI's `fix --rule`, the editor's "Remove All Foreign Key Constraints in File"). */
export function fixRule(source: string, rule: string, options: LintOptions, path: string | undefined, schema: Schema): { text: string; applied: number } {
  return applyFixesRepeatedly(source, options, path, schema, (f) => (f.rule === rule && f.fixes.length > 0 ? 0 : undefined));
}

/** Every safe fix of every rule (fix-all on save: `source.fixAll.cutover`). */
export function fixAllSafe(source: string, options: LintOptions, path: string | undefined, schema: Schema): { text: string; applied: number } {
  return applyFixesRepeatedly(source, options, path, schema, (f) => {
    const index = f.fixes.findIndex((fix) => fix.safe);
    return index < 0 ? undefined : index;
  });
}
