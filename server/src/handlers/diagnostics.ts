import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, filePathOf } from '../analysis';
import { Publisher } from './publish';

const DEBOUNCE_MS = 150;

/** Lints open documents on open, (debounced) on change unless `cutover.lintOnType` is off, and on save. */
export class DiagnosticsHandler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents linted at least once: the first lint after opening is not debounced. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyzer: Analyzer,
    private readonly publisher: Publisher,
  ) {}

  changed(document: TextDocument): void {
    if (!this.seen.has(document.uri)) {
      this.schedule(document.uri, true);
      return;
    }
    void this.analyzer.settings.get(document.uri, filePathOf(document.uri)).then((s) => {
      if (s.lintOnType) this.schedule(document.uri, false);
    });
  }

  schedule(uri: string, immediately: boolean): void {
    this.seen.add(uri);
    clearTimeout(this.timers.get(uri));
    const run = () => {
      this.timers.delete(uri);
      void this.validate(uri);
    };
    if (immediately) run();
    else this.timers.set(uri, setTimeout(run, DEBOUNCE_MS));
  }

  revalidateAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, true);
  }

  /** A closed document stops being tracked; its diagnostics are cleared unless the workspace pass re-publishes them. */
  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.seen.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    let analysis;
    try {
      analysis = await this.analyzer.analyse(uri);
    } catch (error) {
      // A bug in the engine costs this document its diagnostics, never the server.
      this.connection.console.error(`Error while linting ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
    const document = this.documents.get(uri);
    if (!document) return;
    if (!analysis) {
      this.publisher.clear(uri);
      return;
    }
    // A newer edit arrived while this one was analysed; its own run will publish.
    if (document.version !== analysis.version) return;
    this.publisher.publish(uri, analysis.result.findings, analysis.lines, analysis.filePath, analysis.version);
  }
}
