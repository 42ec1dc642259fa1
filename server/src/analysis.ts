import * as path from 'path';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { FileLintResult, LineIndex, LintOptions, LiveBranch, Schema, lintMigration } from './engine';
import { matchesAny } from './engine/glob';
import { looksLikeMigration } from './engine/migrationPaths';
import { SchemaCache } from './schemaCache';
import { DocumentSettings, SettingsCache } from './settings';

export function filePathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export interface DocumentAnalysis {
  text: string;
  version: number;
  lines: LineIndex;
  result: FileLintResult;
  settings: DocumentSettings;
  schema: Schema;
  filePath?: string;
}

/**
 * One place that decides whether a document is linted and lints it: its settings and `.cutover.json`, the schema its
 * folder's earlier migrations build, then the engine. Diagnostics, code actions and requests all go through it.
 */
export class Analyzer {
  /** Workspace folder paths, longest first, to resolve `cutover.include` globs against. */
  private folders: string[] = [];
  /** The connected branch, as the rules see it. */
  live: LiveBranch | undefined;

  constructor(
    readonly documents: TextDocuments<TextDocument>,
    readonly settings: SettingsCache,
    readonly schemas: SchemaCache,
  ) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map((uri) => filePathOf(uri)).filter((p): p is string => p !== undefined).sort((a, b) => b.length - a.length);
  }

  workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Migrations by path and naming, plus `include` globs (settings and `.cutover.json`); untitled SQL always. */
  isLinted(filePath: string | undefined, settings: DocumentSettings, text?: string): boolean {
    if (filePath === undefined) return text === undefined || !/^\s*<\?php/.test(text) || looksLikeMigration('untitled.php', text);
    if (looksLikeMigration(filePath, text)) return true;
    const folder = this.folders.find((f) => filePath.startsWith(f + path.sep));
    if (folder && matchesAny(path.relative(folder, filePath), settings.include)) return true;
    const configFile = settings.config.file;
    return configFile !== undefined && matchesAny(path.relative(path.dirname(configFile), filePath), settings.config.config.include);
  }

  openText(filePath: string): { text: string; version: number } | undefined {
    for (const document of this.documents.all()) {
      if (filePathOf(document.uri) === filePath) return { text: document.getText(), version: document.version };
    }
    return undefined;
  }

  /** Lints an open document; undefined when it is not SQL, not a migration, or no longer open. */
  async analyse(uri: string): Promise<DocumentAnalysis | undefined> {
    const document = this.documents.get(uri);
    if (!document || (document.languageId !== 'sql' && document.languageId !== 'php')) return undefined;
    const filePath = filePathOf(uri);
    const settings = await this.settings.get(uri, filePath);
    const current = this.documents.get(uri);
    if (!current || !this.isLinted(filePath, settings, current.getText())) return undefined;
    return this.analyseText(current.getText(), current.version, filePath, settings, current.languageId);
  }

  /** The document's options with the connected branch. */
  optionsFor(settings: DocumentSettings): LintOptions {
    return this.live ? { ...settings.options, live: this.live } : settings.options;
  }

  analyseText(text: string, version: number, filePath: string | undefined, settings: DocumentSettings, languageId = 'sql'): DocumentAnalysis {
    const schema = filePath ? this.schemas.schemaBefore(filePath, (p) => this.openText(p)) : new Schema();
    const result = lintMigration(text, this.optionsFor(settings), filePath, schema, languageId === 'php');
    return { text, version, lines: new LineIndex(text), result, settings, schema, filePath };
  }
}
