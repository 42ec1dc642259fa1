import { DdlClassification } from '../ddl/onlineDdl';
import { SchemaChange } from '../model/changes';
import { Schema } from '../schema/model';
import { Statement } from '../sql/splitter';
import { Fix, LiveBranch, RelatedLocation, Severity, SeveritySetting, Target } from '../types';

/** What a rule sees of one statement, and how it reports. */
export interface RuleContext {
  readonly source: string;
  readonly path?: string;
  readonly target: Target;
  readonly mysqlVersion: string;
  readonly statement: Statement;
  readonly change: SchemaChange;
  /** The schema as it stands before this statement (earlier files of the folder, earlier statements of this one). */
  readonly schema: Schema;
  /** True in a rollback: a `*.down.sql` file, or a down section of goose/dbmate. */
  readonly rollback: boolean;
  /** The online-DDL class of the statement, computed on first use. */
  classification(): DdlClassification;
  /** True when the table was created earlier in the same change (same file), so it holds no rows yet. */
  createdInChange(table: string): boolean;
  /** The connected branch, if any: its size per table, production and safe-migrations flags. */
  readonly live?: LiveBranch;
  /** True when a later statement of the same file creates the table (the drop-and-recreate of dumps). */
  createdLaterInFile(table: string): boolean;
  /** True when a later statement of the same file drops the table or puts a view of that name in its place. */
  replacedLaterInFile(table: string): boolean;
  /** `severity` raises or lowers this one finding from the rule's configured severity (e.g. a large table). */
  report(finding: { start: number; end: number; message: string; fixes?: Fix[]; related?: RelatedLocation[]; severity?: Severity }): void;
}

export interface RuleDefinition {
  /** Stable id: file name, docs slug, diagnostic code and config key. */
  id: string;
  /** One line for the README table and the docs title. */
  summary: string;
  /** Default severity per target. */
  severity: Record<Target, SeveritySetting>;
  fix: 'always' | 'sometimes' | 'none';
  /**
   * Whether the rule also judges rollbacks. Platform limits (a FK PlanetScale rejects) apply to a rollback too;
   * deploy-order concerns (a drop, a rename) do not: undoing a change is expected to drop what it added.
   */
  appliesToRollbacks: boolean;
  /** Markdown with the sections What it does / Why is this bad? / Example / Use instead / Fix safety. */
  docs: string;
  check(context: RuleContext): void;
  /** Called once per file after every statement was checked. */
  finishFile?(context: FileContext): void;
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

/** What a rule sees once a whole file has been linted (for findings about the file, such as unused ignores). */
export interface FileContext {
  readonly source: string;
  readonly ignores: readonly import('../ignores').IgnoreDirective[];
  report(finding: { start: number; end: number; message: string; fixes?: Fix[] }): void;
}
