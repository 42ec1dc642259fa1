import { DEFAULT_MYSQL_VERSION, LintOptions, SEVERITY_SETTINGS, SeveritySetting, TARGETS, Target } from './types';

/** `.cutover.json`, as written by users. The JSON schema in schemas/cutover.schema.json describes the same shape. */
export interface CutoverConfig {
  target?: Target;
  mysqlVersion?: string;
  rules?: Record<string, SeveritySetting>;
  /** Globs (relative to the config file) of SQL files to lint besides those that look like migrations. */
  include?: string[];
  /** Globs of files never to lint. */
  exclude?: string[];
  /** Folders (relative to the config file) that `cutover lint` with no paths lints. */
  migrations?: string[];
}

export interface ConfigProblem {
  path: string;
  message: string;
}

/**
 * Validates a parsed `.cutover.json`. Unknown keys and bad values are reported, never thrown, and the valid parts
 * are kept, so one typo does not silently turn every rule off.
 */
export function validateConfig(raw: unknown, knownRules: readonly string[]): { config: CutoverConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: CutoverConfig = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config, problems: [{ path: '', message: 'the configuration must be a JSON object' }] };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    switch (key) {
      case '$schema':
        break;
      case 'target':
        if (TARGETS.includes(value as Target)) config.target = value as Target;
        else problems.push({ path: key, message: `unknown target ${JSON.stringify(value)}; one of ${TARGETS.join(', ')}` });
        break;
      case 'mysqlVersion':
        if (typeof value === 'string' && /^\d+\.\d+(\.\d+)?$/.test(value)) config.mysqlVersion = value;
        else problems.push({ path: key, message: `mysqlVersion must look like "8.0.35", not ${JSON.stringify(value)}` });
        break;
      case 'rules':
        config.rules = validateRules(value, knownRules, problems);
        break;
      case 'include':
      case 'exclude':
      case 'migrations':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) config[key] = value as string[];
        else problems.push({ path: key, message: `${key} must be an array of strings` });
        break;
      default:
        problems.push({ path: key, message: `unknown setting "${key}"` });
    }
  }
  return { config, problems };
}

function validateRules(value: unknown, knownRules: readonly string[], problems: ConfigProblem[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path: 'rules', message: 'rules must be an object of rule id to "error" | "warning" | "info" | "off"' });
    return rules;
  }
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!knownRules.includes(id)) problems.push({ path: `rules.${id}`, message: `unknown rule "${id}"` });
    else if (!SEVERITY_SETTINGS.includes(severity as SeveritySetting)) problems.push({ path: `rules.${id}`, message: `severity must be one of ${SEVERITY_SETTINGS.join(', ')}` });
    else rules[id] = severity as SeveritySetting;
  }
  return rules;
}

/** Lint options from a config, with command-line or editor settings layered on top (later wins). */
export function resolveOptions(...layers: Array<Partial<CutoverConfig> | undefined>): Required<Pick<LintOptions, 'target' | 'mysqlVersion'>> & LintOptions {
  let target: Target = 'planetscale';
  let mysqlVersion = DEFAULT_MYSQL_VERSION;
  const rules: Record<string, SeveritySetting> = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.target) target = layer.target;
    if (layer.mysqlVersion) mysqlVersion = layer.mysqlVersion;
    Object.assign(rules, layer.rules ?? {});
  }
  return { target, mysqlVersion, rules };
}
