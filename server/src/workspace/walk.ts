import * as fs from 'fs';
import * as path from 'path';
import { looksLikeMigration } from '../engine/migrationPaths';

/** The first 64 KiB of a file, enough to tell a schema file from a query file. */
function head(file: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(65536);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'vendor', 'dist', 'out', '.vscode-test', 'target', 'build']);

/**
 * Walks folders (sorted, skipping dependencies and build output) for SQL files that look like migrations or schema
 * files (by path, else by their first statements), or that `included` accepts. Unreadable folders are skipped.
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
    } else if (entry.isFile() && /\.(sql|php)$/i.test(entry.name) && (looksLikeMigration(full) || included(full) || looksLikeMigration(full, head(full)))) {
      files.push(full);
    }
  }
  return files;
}
