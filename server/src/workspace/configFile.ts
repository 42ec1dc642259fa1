import * as fs from 'fs';
import * as path from 'path';
import { ConfigProblem, CutoverConfig, RULES, validateConfig } from '../engine';

export const CONFIG_FILE_NAME = '.cutover.json';

export interface LoadedConfig {
  /** The file, or undefined when none was found up the tree. */
  file?: string;
  config: CutoverConfig;
  problems: ConfigProblem[];
}

/** The nearest `.cutover.json` at or above `start` (a file or a folder), up to the file system root. */
export function findConfigFile(start: string): string | undefined {
  let dir = fs.existsSync(start) && fs.statSync(start).isDirectory() ? start : path.dirname(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; a broken file gives problems (with the reason), never an exception. */
export function loadConfigFile(file: string): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { file, config: {}, problems: [{ path: '', message: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { file, config: {}, problems: [{ path: '', message: `${file} is not valid JSON: ${(error as Error).message}` }] };
  }
  return { file, ...validateConfig(raw, RULES.map((r) => r.id)) };
}

export function loadNearestConfig(start: string): LoadedConfig {
  const file = findConfigFile(start);
  return file ? loadConfigFile(file) : { config: {}, problems: [] };
}
