import * as fs from 'fs';
import { Connection, Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { Finding, LineIndex } from '../engine';
import { toDiagnostic } from '../convert';
import { DiagnosticCounts, DiagnosticCountsNotification } from '../protocol';

/**
 * Publishes diagnostics and keeps the counts per document, so the client's status bar can show when errors are present.
 * Related locations in other migrations are read from the editor when open, else from disk.
 */
export class Publisher {
  private readonly counts = new Map<string, DiagnosticCounts>();

  constructor(
    private readonly connection: Connection,
    private readonly docsBase: string,
    private readonly openText: (path: string) => { text: string } | undefined,
  ) {}

  publish(uri: string, findings: readonly Finding[], lines: LineIndex, filePath: string | undefined, version?: number): void {
    const diagnostics: Diagnostic[] = findings.map((finding) => {
      const diagnostic = toDiagnostic(finding, lines, this.docsBase);
      const related = this.related(finding, uri, filePath, lines);
      if (related.length > 0) diagnostic.relatedInformation = related;
      return diagnostic;
    });
    this.counts.set(uri, {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      infos: findings.filter((f) => f.severity === 'info').length,
    });
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
    this.sendCounts();
  }

  clear(uri: string): void {
    this.counts.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.sendCounts();
  }

  totals(): DiagnosticCounts {
    const total: DiagnosticCounts = { errors: 0, warnings: 0, infos: 0 };
    for (const c of this.counts.values()) {
      total.errors += c.errors;
      total.warnings += c.warnings;
      total.infos += c.infos;
    }
    return total;
  }

  private sendCounts(): void {
    void this.connection.sendNotification(DiagnosticCountsNotification, this.totals());
  }

  private related(finding: Finding, uri: string, filePath: string | undefined, lines: LineIndex): DiagnosticRelatedInformation[] {
    const out: DiagnosticRelatedInformation[] = [];
    for (const place of finding.related ?? []) {
      const samePath = place.path === undefined || place.path === filePath;
      let index = lines;
      if (!samePath) {
        const text = this.openText(place.path!)?.text ?? readOrUndefined(place.path!);
        if (text === undefined) continue;
        index = new LineIndex(text);
      }
      out.push({ location: { uri: samePath ? uri : URI.file(place.path!).toString(), range: index.rangeOf(place.start, place.end) }, message: place.message });
    }
    return out;
  }
}

function readOrUndefined(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
