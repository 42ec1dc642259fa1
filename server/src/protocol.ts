/** Requests, commands and payloads shared by the client and the language server. */
export const ServerInfoRequest = 'cutover/serverInfo';
/** Every fix of one rule applied to a document, for a preview: `{ uri, rule }` → `FixRuleResult`. */
export const FixRuleRequest = 'cutover/fixRule';
/** Lints every migration of the workspace folders in the background (progress shown). */
export const LintWorkspaceRequest = 'cutover/lintWorkspace';
/** Sent by the server whenever the counts of published diagnostics change, for the status bar. */
export const DiagnosticCountsNotification = 'cutover/diagnosticCounts';

/** What the status bar shows for a document: `{ uri }` → `DocumentInfo`. */
export const DocumentInfoRequest = 'cutover/documentInfo';

export interface DocumentInfo {
  target: string;
  /** False for SQL that is not a migration (left alone unless `include` names it). */
  linted: boolean;
  configFile?: string;
}

/** The deploy-order plan of a change: `PlanParams` → `PlanResult`. */
export const PlanRequest = 'cutover/plan';

export interface PlanParams {
  /** Explicit migration files (explorer selection, current file); otherwise the git change of `folder`. */
  uris?: string[];
  /** Workspace folder URI, for the git change. */
  folder?: string;
  /** The migrations of `folder` that the active branch does not have yet, instead of the git change. */
  pending?: boolean;
}

export interface PlannedStatementView {
  uri?: string;
  path?: string;
  range?: LspRange;
  sql: string;
  kind: string;
  table?: string;
  algorithm: string;
  rebuildsTable: boolean;
  concurrentDml: boolean;
  generated?: boolean;
}

export interface PlanResult {
  /** What the change is, e.g. "3 migrations changed since origin/main". */
  description: string;
  phases: Array<{ name: string; title: string; instantEligible?: boolean; statements: PlannedStatementView[] }>;
  steps: Array<{ title: string; uri?: string; range?: LspRange; steps: Array<{ kind: string; description: string; sql?: string }> }>;
  warnings: Array<{ message: string; uri?: string; range?: LspRange }>;
  markdown: string;
}

/** The client's active branch (undefined: disconnected), answered once the server has read it (or could not).
 *  Its password travels in memory over IPC, never to a log. */
export const ActiveBranchRequest = 'cutover/activeBranch';

export type ActiveBranchResult = { ok: true; tables: number; foreignKeys: number } | { ok: false; error: string };

export interface ActiveBranchParams {
  branch?: { name: string; host: string; port: number; user: string; password?: string; database: string; production: boolean; safeMigrations: boolean };
}

/** Client-side command that opens a rule's documentation; its argument is the rule id. */
export const ShowRuleDocumentationCommand = 'cutover.showRuleDocumentation';

export interface ServerInfo {
  pid: number;
  node: string;
  version: string;
}

export interface FixRuleParams {
  uri: string;
  rule: string;
}

export interface FixRuleResult {
  /** The document's text with the fixes applied, and for which version of the document. */
  text: string;
  version: number;
  applied: number;
}

export interface LintWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface LspEdit {
  range: LspRange;
  newText: string;
}

/** What a diagnostic carries in `data`: its fixes and ignore edits as LSP edits, so code actions need no re-parse. */
export interface DiagnosticFixData {
  rule: string;
  docs: string;
  fixes: Array<{ title: string; safe: boolean; edits: LspEdit[] }>;
  ignore?: { statement: LspEdit; file: LspEdit };
}
