import * as fs from 'fs';
import { Connection, Diagnostic, DiagnosticRelatedInformation, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { Finding, LineIndex, Schema, lintFile } from '../engine';
import { toDiagnostic } from '../convert';
import { runSafe } from '../runSafe';
import { SchemaCache } from '../schemaCache';
import { SettingsCache } from '../settings';

const DEBOUNCE_MS = 150;

export function filePathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

/** Lints open documents on open and (debounced) on change, and publishes the result. */
export class DiagnosticsHandler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents linted at least once: the first lint after opening is not debounced. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
    private readonly schemas: SchemaCache,
    private readonly docsBase: string,
  ) {}

  schedule(document: TextDocument, immediately = !this.seen.has(document.uri)): void {
    this.seen.add(document.uri);
    clearTimeout(this.timers.get(document.uri));
    const run = () => {
      this.timers.delete(document.uri);
      void this.validate(document.uri);
    };
    if (immediately) run();
    else this.timers.set(document.uri, setTimeout(run, DEBOUNCE_MS));
  }

  revalidateAll(): void {
    for (const document of this.documents.all()) this.schedule(document, true);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.seen.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document || document.languageId !== 'sql') return;
    const filePath = filePathOf(uri);
    const { options } = await this.settings.get(uri, filePath);
    const current = this.documents.get(uri);
    // A newer edit may have arrived while the settings were read; its own run will publish.
    if (!current || current.version !== document.version) return;
    const diagnostics = runSafe<Diagnostic[]>(this.connection, `linting ${uri}`, [], () => {
      const text = document.getText();
      const lines = new LineIndex(text);
      const schema = filePath ? this.schemas.schemaBefore(filePath, (p) => this.openText(p)) : new Schema();
      return lintFile(text, options, filePath, schema).findings.map((finding) => {
        const diagnostic = toDiagnostic(finding, lines, this.docsBase);
        const related = this.related(finding, uri, lines);
        if (related.length > 0) diagnostic.relatedInformation = related;
        return diagnostic;
      });
    });
    await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  private openText(path: string): { text: string; version: number } | undefined {
    for (const document of this.documents.all()) {
      if (filePathOf(document.uri) === path) return { text: document.getText(), version: document.version };
    }
    return undefined;
  }

  /** Related locations in this file or another migration (read from the editor when open, else from disk). */
  private related(finding: Finding, uri: string, lines: LineIndex): DiagnosticRelatedInformation[] {
    const out: DiagnosticRelatedInformation[] = [];
    for (const place of finding.related ?? []) {
      const samePath = place.path === undefined || place.path === filePathOf(uri);
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
