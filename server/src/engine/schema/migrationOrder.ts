/**
 * The order in which migration tools run their files, from file paths alone:
 * golang-migrate `0001_x.up.sql`, goose and dbmate `20240101120000_x.sql`, Flyway `V1.2__x.sql` (then `R__x.sql`),
 * Prisma `20240101120000_x/migration.sql`, Drizzle `0000_x.sql`, Laravel `2024_01_01_000000_x.php`, Doctrine
 * `Version20240101120000.php`.
 * Files with no version (a `schema.sql` dump) are a baseline and come first.
 */
export interface OrderedMigration {
  path: string;
  /** Numeric parts of the version; empty for a baseline. */
  version: number[];
  kind: 'baseline' | 'migration' | 'rollback' | 'repeatable';
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function parentName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 2] ?? '';
}

export function describeMigration(path: string): OrderedMigration {
  const base = baseName(path);
  // Prisma keeps each migration in a folder named after it.
  const versioned = /^migration\.sql$/i.test(base) ? parentName(path) : base;
  const rollback = /\.(down|undo)\.(sql|php)$/i.test(base) || /^U\d/.test(base);
  if (/^R__/.test(versioned)) return { path, version: [], kind: 'repeatable' };
  const flyway = /^[VU](\d+(?:[._]\d+)*)__/.exec(versioned) ?? /^Version(\d+)\.php$/.exec(versioned); // Doctrine: VersionYYYYMMDDhhmmss.php
  const plain = /^(\d+(?:[_.-]\d+)*)/.exec(versioned);
  const digits = flyway?.[1] ?? plain?.[1];
  if (!digits) return { path, version: [], kind: 'baseline' };
  return { path, version: digits.split(/[._-]/).map(Number), kind: rollback ? 'rollback' : 'migration' };
}

const KIND_RANK = { baseline: 0, migration: 1, rollback: 1, repeatable: 2 } as const;

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Sorts migration paths into the order their tool applies them; a rollback follows the migration it undoes. */
export function orderMigrations(paths: readonly string[]): OrderedMigration[] {
  return paths
    .map(describeMigration)
    .sort(
      (a, b) =>
        KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        compareVersions(a.version, b.version) ||
        (a.kind === 'rollback' ? 1 : 0) - (b.kind === 'rollback' ? 1 : 0) ||
        a.path.localeCompare(b.path),
    );
}
