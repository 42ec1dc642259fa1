import * as fs from 'fs';
import * as path from 'path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'vendor', 'dist', 'out', '.vscode-test']);
const MIGRATION_EXTENSIONS = new Set(['.sql']);

/**
 * Expands the command line's paths into files to lint: a file named explicitly is always linted;
 * folders are walked for migration files, in a stable (sorted) order.
 */
export function collectFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stat.isDirectory()) walk(given, files);
    else files.push(given);
  }
  return { files: [...new Set(files)], missing };
}

function walk(dir: string, files: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, files);
    } else if (entry.isFile() && MIGRATION_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      files.push(full);
    }
  }
}
