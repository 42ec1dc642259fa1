import { Connection } from 'vscode-languageserver';
import { LintOptions, TARGETS, Target } from './engine';

const DEFAULTS: LintOptions = { target: 'planetscale' };

/** Resolves `cutover.*` settings per document (settings are resource-scoped), cached until they change. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<LintOptions>>();

  constructor(private readonly connection: Connection, private readonly canAskClient: () => boolean) {}

  get(uri: string): Promise<LintOptions> {
    if (!this.canAskClient()) return Promise.resolve(DEFAULTS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'cutover' }).then(
        (raw: unknown) => normalise(raw),
        () => DEFAULTS,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri?: string): void {
    if (uri) this.cache.delete(uri);
    else this.cache.clear();
  }
}

function normalise(raw: unknown): LintOptions {
  const value = (raw ?? {}) as { target?: unknown };
  const target = TARGETS.includes(value.target as Target) ? (value.target as Target) : DEFAULTS.target;
  return { target };
}
