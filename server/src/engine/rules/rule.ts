import { Statement } from '../sql/splitter';
import { TableStatement } from '../sql/tableStatement';
import { Identifier } from '../sql/tokenCursor';
import { Fix, Severity, SeveritySetting, Target } from '../types';

/** What a rule sees of one statement, and how it reports. */
export interface RuleContext {
  readonly source: string;
  readonly target: Target;
  readonly statement: Statement;
  /** The token-level reading of CREATE/ALTER TABLE, when the statement is one. */
  readonly table?: TableStatement;
  /** Index column lists known for a table before this statement, or undefined when the table is unknown. */
  indexesBefore(table: string): Identifier[][] | undefined;
  report(finding: { start: number; end: number; message: string; fixes?: Fix[] }): void;
}

export interface RuleDefinition {
  /** Stable id: file name, docs slug, diagnostic code and config key. */
  id: string;
  /** One line for the README table and the docs title. */
  summary: string;
  /** Default severity per target. */
  severity: Record<Target, SeveritySetting>;
  fix: 'always' | 'sometimes' | 'none';
  /** Markdown with the sections What it does / Why is this bad? / Example / Use instead / Fix safety. */
  docs: string;
  check(context: RuleContext): void;
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

export function severityFor(rule: RuleDefinition, target: Target, overrides?: Record<string, SeveritySetting>): Severity | undefined {
  const setting = overrides?.[rule.id] ?? rule.severity[target];
  return setting === 'off' ? undefined : setting;
}
