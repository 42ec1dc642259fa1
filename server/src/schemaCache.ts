import * as fs from 'fs';
import { Schema, replayMigration } from './engine';
import { orderMigrations } from './engine';
import { readSources, siblingMigrations } from './workspace/migrationFiles';

/**
 * The schema before a migration: its folder's earlier migrations replayed in tool order. Open documents count with
 * their unsaved text. The result is cached per file and reused while no earlier migration changed (same paths, sizes
 * and modification times on disk, same versions in the editor), so typing in a file does not replay the folder.
 */
export class SchemaCache {
  private readonly cache = new Map<string, { signature: string; schema: Schema }>();

  schemaBefore(filePath: string, openText: (path: string) => { text: string; version: number } | undefined): Schema {
    const earlier = this.earlierMigrations(filePath);
    const signature = earlier.map((p) => `${p}|${this.stamp(p, openText)}`).join('\n');
    const cached = this.cache.get(filePath);
    if (cached && cached.signature === signature) return cached.schema;
    let schema = new Schema();
    // Open documents count with their unsaved text.
    const open = new Map(earlier.flatMap((p) => {
      const text = openText(p)?.text;
      return text === undefined ? [] : [[p, text] as const];
    }));
    for (const file of readSources(earlier, open)) schema = replayMigration(file.source, file.path, schema);
    this.cache.set(filePath, { signature, schema });
    return schema;
  }

  forget(): void {
    this.cache.clear();
  }

  private earlierMigrations(filePath: string): string[] {
    const ordered = orderMigrations([...new Set([...siblingMigrations(filePath), filePath])]);
    const earlier: string[] = [];
    for (const migration of ordered) {
      if (migration.path === filePath) break;
      if (migration.kind !== 'rollback') earlier.push(migration.path);
    }
    return earlier;
  }

  private stamp(path: string, openText: (path: string) => { version: number } | undefined): string {
    const open = openText(path);
    if (open) return `v${open.version}`;
    try {
      const stat = fs.statSync(path);
      return `${stat.size}:${stat.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }
}
