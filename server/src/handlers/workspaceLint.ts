import * as path from 'path';
import { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { LineIndex, lintMigrationFolder } from '../engine';
import { Analyzer } from '../analysis';
import { LintWorkspaceResult } from '../protocol';
import { readSources, siblingMigrations } from '../workspace/migrationFiles';
import { walkMigrations } from '../workspace/walk';
import { Publisher } from './publish';

/**
 * Lints every migration of the workspace folders, so the Problems panel shows the whole change, not only open files.
 * Open documents are left to the live linting; a document closed later gets its workspace result back.
 */
export class WorkspaceLinter {
  /** Files the last pass found, by URI. */
  private readonly known = new Set<string>();
  private running: Promise<LintWorkspaceResult> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly analyzer: Analyzer,
    private readonly publisher: Publisher,
  ) {}

  isKnown(uri: string): boolean {
    return this.known.has(uri);
  }

  lint(): Promise<LintWorkspaceResult> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Re-lints one closed file of the workspace pass from disk, with its folder. */
  async relintClosed(uri: string): Promise<void> {
    const file = URI.parse(uri).fsPath;
    await this.lintFolder([file], (p) => p === file);
  }

  private async run(): Promise<LintWorkspaceResult> {
    const progress = await this.connection.window.createWorkDoneProgress();
    const files: string[] = [];
    for (const folder of this.analyzer.workspaceFolders()) walkMigrations(folder, () => false, files);
    progress.begin('Cutover: linting migrations', 0, `${files.length} files`, true);
    const byFolder = new Map<string, string[]>();
    for (const file of files) byFolder.set(path.dirname(file), [...(byFolder.get(path.dirname(file)) ?? []), file]);
    let done = 0;
    const result: LintWorkspaceResult = { files: 0, errors: 0, warnings: 0 };
    try {
      for (const group of byFolder.values()) {
        if (progress.token.isCancellationRequested) break;
        const counts = await this.lintFolder(group, (p) => this.analyzer.openText(p) === undefined);
        result.files += counts.files;
        result.errors += counts.errors;
        result.warnings += counts.warnings;
        done += group.length;
        progress.report(Math.round((done / Math.max(1, files.length)) * 100), `${done}/${files.length} files`);
        await new Promise((resolve) => setImmediate(resolve)); // let edits and requests through between folders
      }
    } finally {
      progress.done();
    }
    return result;
  }

  /** Lints a folder's migrations in order and publishes those `publishFor` accepts. */
  private async lintFolder(files: readonly string[], publishFor: (file: string) => boolean): Promise<LintWorkspaceResult> {
    const counts: LintWorkspaceResult = { files: 0, errors: 0, warnings: 0 };
    const first = files[0];
    const settings = await this.analyzer.settings.get(URI.file(first).toString(), first);
    const sources = readSources([...new Set([...siblingMigrations(first), ...files])], new Map());
    const results = lintMigrationFolder(sources, this.analyzer.optionsFor(settings));
    for (const source of sources) {
      if (!files.includes(source.path) || !publishFor(source.path)) continue;
      const uri = URI.file(source.path).toString();
      const findings = results.get(source.path)!.findings;
      this.known.add(uri);
      this.publisher.publish(uri, findings, new LineIndex(source.source), source.path);
      counts.files++;
      counts.errors += findings.filter((f) => f.severity === 'error').length;
      counts.warnings += findings.filter((f) => f.severity === 'warning').length;
    }
    return counts;
  }
}
