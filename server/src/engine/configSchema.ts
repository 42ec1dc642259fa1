import { RULES } from './rules/registry';
import { SEVERITY_SETTINGS, TARGETS } from './types';

/** The JSON schema of `.cutover.json` (schemas/cutover.schema.json, registered with VS Code's jsonValidation). */
export function configJsonSchema(): object {
  const severity = { type: 'string', enum: [...SEVERITY_SETTINGS] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Cutover configuration',
    description: 'Configures Cutover, the MySQL/PlanetScale migration linter. The editor and the CLI read the same file.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      target: { type: 'string', enum: [...TARGETS], default: 'planetscale', description: 'The database the migrations deploy to; it decides rule severities.' },
      mysqlVersion: { type: 'string', pattern: '^\\d+\\.\\d+(\\.\\d+)?$', default: '8.0.35', description: 'The MySQL version of the targets other than mariadb (5.7 has no INSTANT DDL).' },
      rules: {
        type: 'object',
        description: 'Severity per rule: "error", "warning", "info" or "off".',
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((rule) => [rule.id, { ...severity, description: rule.summary }])),
      },
      include: { type: 'array', items: { type: 'string' }, description: 'Globs, relative to this file, of SQL files to lint besides those that look like migrations.' },
      exclude: { type: 'array', items: { type: 'string' }, description: 'Globs, relative to this file, of files never to lint.' },
      migrations: { type: 'array', items: { type: 'string' }, description: 'Folders, relative to this file, that `cutover lint` with no paths lints.' },
    },
  };
}
