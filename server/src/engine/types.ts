/** The engine's public vocabulary. Offsets are UTF-16 code-unit offsets into the analysed text. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];

export const TARGETS = ['planetscale', 'planetscale-fk', 'vitess', 'mysql', 'mariadb'] as const;
export type Target = (typeof TARGETS)[number];

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  /** Safe fixes keep the meaning the author intended and may be applied in bulk; unsafe ones only one at a time. */
  safe: boolean;
  edits: OffsetEdit[];
}

/** Another place that matters to a finding (the CREATE TABLE of the altered table, the FK being cascaded, …). */
export interface RelatedLocation {
  /** Undefined: the same file. */
  path?: string;
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
  related?: RelatedLocation[];
  /** Edits that silence this finding with an ignore comment, for the statement or for the whole file. */
  ignore?: { statement: OffsetEdit; file: OffsetEdit };
}

/** What the active branch connection tells about the database the migrations are about to run on. */
export interface LiveBranch {
  /** e.g. `app/main`. */
  name: string;
  production: boolean;
  safeMigrations: boolean;
  /** Approximate rows per table (information_schema.TABLES.TABLE_ROWS), lower-case names. */
  tableRows: Record<string, number>;
  /** Foreign key constraints that exist on the branch (when > 0 on PlanetScale, foreign key support is on). */
  foreignKeys: number;
}

export interface LintOptions {
  target: Target;
  /** MySQL version the targets other than mariadb run; default 8.0.35. */
  mysqlVersion?: string;
  /** Per-rule severity overrides, e.g. from `.cutover.json` or the `cutover.rules` setting. */
  rules?: Record<string, SeveritySetting>;
  /** The active branch, when the editor is connected to one. */
  live?: LiveBranch;
}

export const DEFAULT_MYSQL_VERSION = '8.0.35';
