import { Connection } from 'vscode-languageserver';
import { CutoverConfig, LintOptions, RULES, resolveOptions, validateConfig } from './engine';
import { LoadedConfig, loadNearestConfig } from './workspace/configFile';

export interface DocumentSettings {
  options: LintOptions;
  /** The `.cutover.json` in force, with its problems, when there is one. */
  config: LoadedConfig;
  /** `cutover.include` globs, relative to the workspace folder. */
  include: string[];
  /** Lint while typing (default) or only on open and save. */
  lintOnType: boolean;
}

interface EditorSettings {
  config: CutoverConfig;
  include: string[];
  lintOnType: boolean;
}

/**
 * Lint options per document: the `cutover.*` settings (resource-scoped, so per folder) as defaults, and the nearest
 * `.cutover.json` on top, exactly as the CLI reads it, so editor and CI agree. Cached until settings or a config change.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();

  constructor(private readonly connection: Connection, private readonly canAskClient: () => boolean) {}

  get(uri: string, filePath: string | undefined): Promise<DocumentSettings> {
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.resolve(uri, filePath);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }

  private async resolve(uri: string, filePath: string | undefined): Promise<DocumentSettings> {
    const editor: EditorSettings = this.canAskClient()
      ? await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cutover' }).then(fromEditorSettings, () => fromEditorSettings({}))
      : fromEditorSettings({});
    const config = filePath ? loadNearestConfig(filePath) : { config: {}, problems: [] };
    return { options: resolveOptions(editor.config, config.config), config, include: editor.include, lintOnType: editor.lintOnType };
  }
}

/** The `cutover.*` settings, validated like a config file (bad values are dropped, not trusted). */
function fromEditorSettings(raw: unknown): EditorSettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const candidate: Record<string, unknown> = {};
  if (value.target !== undefined) candidate.target = value.target;
  if (typeof value.mysqlVersion === 'string' && value.mysqlVersion !== '') candidate.mysqlVersion = value.mysqlVersion;
  if (value.rules && typeof value.rules === 'object') candidate.rules = value.rules;
  const include = Array.isArray(value.include) ? value.include.filter((g): g is string => typeof g === 'string') : [];
  return { config: validateConfig(candidate, RULES.map((r) => r.id)).config, include, lintOnType: value.lintOnType !== false };
}
