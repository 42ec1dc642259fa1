/** The engine's public vocabulary. Offsets are UTF-16 code-unit offsets into the analysed text. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

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

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes: Fix[];
}

export interface LintOptions {
  target: Target;
  /** Per-rule severity overrides, e.g. from `.cutover.json` or the `cutover.rules` setting. */
  rules?: Record<string, SeveritySetting>;
}
