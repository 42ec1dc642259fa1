import { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, lintSql } from '../engine';
import { toDiagnostic } from '../convert';
import { runSafe } from '../runSafe';
import { SettingsCache } from '../settings';

const DEBOUNCE_MS = 150;

/** Lints open documents on open and (debounced) on change, and publishes the result. */
export class DiagnosticsHandler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents linted at least once: the first lint after opening is not debounced. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsCache,
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
    const options = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (!document || document.languageId !== 'sql') return;
    const version = document.version;
    const diagnostics = runSafe<Diagnostic[]>(this.connection, `linting ${uri}`, [], () => {
      const text = document.getText();
      const lines = new LineIndex(text);
      return lintSql(text, options, decodeURIComponent(new URL(uri).pathname)).map((f) => toDiagnostic(f, lines, this.docsBase));
    });
    // A newer edit may have arrived while the settings were read; its own run will publish.
    if (this.documents.get(uri)?.version !== version) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
