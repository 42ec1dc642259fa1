/**
 * Whether a file looks like a migration or a schema file, from its path alone: what folder walks (CLI) and the editor
 * lint by default. Other SQL (ad-hoc queries, seeds, reports) is left alone unless `include` names it.
 */
const FOLDERS = /(^|\/)(migrations?|migrate|db|database|schema|schemas|sql|ddl|drizzle|flyway|liquibase|dbmate|goose)(\/|$)/i;
const TOOL_NAMES = [
  /^\d+[_-].*\.sql$/i, // golang-migrate, goose, dbmate, Drizzle, timestamps
  /\.(up|down|undo)\.sql$/i,
  /^[VUR]\d*(?:[._]\d+)*__.+\.sql$/, // Flyway (R__ has no version)
  /^migration\.sql$/i, // Prisma
];
const SCHEMA_FILES = /(schema|structure|dump)[^/]*\.sql$/i;

export function looksLikeMigration(path: string): boolean {
  const normalised = path.replace(/\\/g, '/');
  const name = normalised.slice(normalised.lastIndexOf('/') + 1);
  if (!/\.sql$/i.test(name)) return false;
  const folder = normalised.slice(0, Math.max(0, normalised.lastIndexOf('/')));
  return FOLDERS.test(folder) || TOOL_NAMES.some((pattern) => pattern.test(name)) || SCHEMA_FILES.test(name);
}
