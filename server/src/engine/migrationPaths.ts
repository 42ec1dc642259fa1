/**
 * Whether a file looks like a migration or a schema file: what folder walks (CLI) and the editor lint by default.
 * By its path (migration folders, tool naming, schema dumps) or, when the text is given, by holding schema changes
 * (CREATE/ALTER/DROP/RENAME TABLE, CREATE/DROP INDEX) as statements. Other SQL (ad-hoc queries, seeds, reports) is
 * left alone unless `include` names it.
 */
const FOLDERS = /(^|\/)(migrations?|migrate|db|database|schema|schemas|sql|ddl|drizzle|flyway|liquibase|dbmate|goose)(\/|$)/i;
const TOOL_NAMES = [
  /^\d+[_-].*\.sql$/i, // golang-migrate, goose, dbmate, Drizzle, timestamps
  /\.(up|down|undo)\.sql$/i,
  /^[VUR]\d*(?:[._]\d+)*__.+\.sql$/, // Flyway (R__ has no version)
  /^migration\.sql$/i, // Prisma
];
const SCHEMA_FILES = /(schema|structure|dump)[^/]*\.sql$/i;

/** A schema change at the start of a line: cheap, and good enough to tell a schema file from a query file. */
const DDL = /^[ \t]*(?:\/\*!\d*[ \t]*)?(?:CREATE|ALTER|DROP|RENAME)[ \t]+(?:TEMPORARY[ \t]+|UNIQUE[ \t]+|FULLTEXT[ \t]+|SPATIAL[ \t]+)?(?:TABLE|INDEX)\b/im;

/** Laravel's `database/migrations/*.php` and Doctrine's `migrations/VersionNNN.php`; by content, Schema builder or addSql calls. */
function looksLikePhpMigration(folder: string, name: string, text?: string): boolean {
  if (/(^|\/)migrations?$/i.test(folder) || /^Version\d+\.php$/.test(name)) return true;
  return text !== undefined && /\bSchema::(create|table|drop|dropIfExists|rename)\s*\(|\$this->addSql\s*\(/.test(text.slice(0, 65536));
}

export function looksLikeMigration(path: string, text?: string): boolean {
  const normalised = path.replace(/\\/g, '/');
  const name = normalised.slice(normalised.lastIndexOf('/') + 1);
  if (/\.php$/i.test(name)) return looksLikePhpMigration(normalised.slice(0, Math.max(0, normalised.lastIndexOf('/'))), name, text);
  if (!/\.sql$/i.test(name)) return false;
  const folder = normalised.slice(0, Math.max(0, normalised.lastIndexOf('/')));
  if (FOLDERS.test(folder) || TOOL_NAMES.some((pattern) => pattern.test(name)) || SCHEMA_FILES.test(name)) return true;
  return text !== undefined && DDL.test(text.slice(0, 65536));
}
