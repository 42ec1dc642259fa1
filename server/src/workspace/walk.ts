import * as fs from 'fs';
import * as path from 'path';
import { looksLikeMigration } from '../engine/migrationPaths';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'vendor', 'dist', 'out', '.vscode-test', 'target', 'build']);

/**
 * Walks folders (sorted, skipping dependencies and build output) for SQL files that look like migrations or schema
 * files, or that `included` accepts. Unreadable folders are skipped, not fatal.
 */
export function walkMigrations(folder: string, included: (file: string) => boolean = () => false, files: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walkMigrations(full, included, files);
    } else if (entry.isFile() && /\.sql$/i.test(entry.name) && (looksLikeMigration(full) || included(full))) {
      files.push(full);
    }
  }
  return files;
}
