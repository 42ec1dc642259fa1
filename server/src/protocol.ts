/** Requests and notifications shared by the client and the language server (names and payloads). */
export const ServerInfoRequest = 'cutover/serverInfo';

export interface ServerInfo {
  pid: number;
  node: string;
  version: string;
}

/** What a diagnostic carries in `data`: its fixes, already converted to LSP edits, so code actions need no re-parse. */
export interface DiagnosticFixData {
  rule: string;
  fixes: Array<{ title: string; safe: boolean; edits: Array<{ range: LspRange; newText: string }> }>;
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
