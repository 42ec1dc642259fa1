import { SchemaChange, Span } from '../model/changes';

/**
 * What the PHP readers (Laravel's Schema builder, Doctrine's addSql) hand to the linter. Every offset is a UTF-16
 * offset into the PHP source, like the SQL path's; the rules then run on these exactly as on SQL statements.
 */

/** One schema change found in a PHP migration, with where it stands. */
export interface PhpChange {
  /** The PHP statement the change comes from (`$table->dropColumn('x');`, `Schema::rename(…);`): diagnostics for the
   *  statement as a whole, `// cutover-ignore` placement and parse errors use it. */
  start: number;
  end: number;
  change: SchemaChange;
  /** True when it is in `down()`: the rollback. */
  rollback: boolean;
}

/**
 * PHP edits that remove a foreign key are precomputed by the reader (only it knows the call chain) and carried in the
 * model as `ForeignKeyDefinition.phpRemoval` (`keepingIndex`: `foreignId('user_id')->constrained()…` →
 * `foreignId('user_id')->index()`, `$table->foreign('col')->references('id')->on('t')…;` → `$table->index('col');`;
 * `withoutIndex`: the constraint goes and nothing is added). The linter picks one by whether an index on the columns
 * would remain. `ReferentialAction.phpRemoval` removes `->cascadeOnDelete()` / `->onDelete('cascade')`.
 */

/** A `// cutover-ignore rules` (or `# …`, `/* … *\/`) comment in PHP and the PHP statement it stands above. */
export interface PhpIgnoreComment {
  start: number;
  end: number;
  /** The comment text, e.g. `// cutover-ignore no-foreign-keys, no-cascade -- legacy`. */
  text: string;
  /** The next PHP statement after the comment; the whole file for `cutover-ignore-file`. */
  appliesTo: Span;
}

/** Something the reader could not read or chose not to guess: reported as a `parse-error` information diagnostic. */
export interface PhpProblem {
  start: number;
  end: number;
  message: string;
}

export interface PhpMigration {
  framework: 'laravel' | 'doctrine' | 'unknown';
  changes: PhpChange[];
  ignores: PhpIgnoreComment[];
  problems: PhpProblem[];
}

/**
 * SQL found in a PHP string (`$this->addSql('…')`, `DB::statement('…')`), decoded, with the way back: `toSource(i)`
 * maps an offset in `sql` to the PHP source, and `encode(text)` escapes replacement text for that string literal.
 */
export interface EmbeddedSql {
  sql: string;
  /** The string literal(s) in the PHP source, quotes included. */
  start: number;
  end: number;
  /** On a boundary between two concatenated literals, 'left' (default) is the end of the left one, 'right' the start of the next. */
  toSource(offset: number, side?: 'left' | 'right'): number;
  encode(text: string): string;
  rollback: boolean;
}
