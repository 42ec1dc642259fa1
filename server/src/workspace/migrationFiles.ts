import * as fs from 'fs';
import * as path from 'path';
import { SourceFile } from '../engine';

const SQL = /\.sql$/i;

/**
 * The migration files that run alongside `file`, in any order: the `.sql` (or `.php`) files of its folder, or for Prisma
 * (`<timestamp>_<name>/migration.sql`) the `migration.sql` of every sibling folder. Unreadable files are skipped.
 */
export function siblingMigrations(file: string): string[] {
  const dir = path.dirname(file);
  if (path.basename(file).toLowerCase() === 'migration.sql') {
    const root = path.dirname(dir);
    return listDir(root)
      .map((entry) => path.join(root, entry, 'migration.sql'))
      .filter((candidate) => fs.existsSync(candidate));
  }
  // A folder's migrations are of one kind: SQL files, or PHP classes (Laravel, Doctrine).
  const kind = /\.php$/i.test(file) ? /\.php$/i : SQL;
  return listDir(dir).filter((entry) => kind.test(entry)).map((entry) => path.join(dir, entry));
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export function readSources(paths: readonly string[], overrides?: ReadonlyMap<string, string>): SourceFile[] {
  const files: SourceFile[] = [];
  for (const p of paths) {
    const open = overrides?.get(p);
    if (open !== undefined) {
      files.push({ path: p, source: open });
      continue;
    }
    try {
      files.push({ path: p, source: fs.readFileSync(p, 'utf8') });
    } catch {
      // A file deleted or unreadable since the listing: it simply does not take part.
    }
  }
  return files;
}
