import { Token } from './sql/lexer';
import { Statement } from './sql/splitter';

/**
 * `-- cutover-ignore <rule>[, <rule>] [-- reason]` on the lines right above a statement, and
 * `-- cutover-ignore-file [rules]` anywhere before the first statement (all rules when none are named).
 * `#` and block comments work the same way.
 */
export interface IgnoreDirective {
  scope: 'statement' | 'file';
  /** Empty: every rule. */
  rules: string[];
  /** The comment holding the directive. */
  start: number;
  end: number;
  /** For statement ignores: the statement (SQL) or PHP statement it applies to. */
  appliesTo?: { start: number; end: number };
  /** Rules this directive actually silenced, filled in while linting. */
  used: Set<string>;
}

const DIRECTIVE = /^(?:--|#|\/\*|\/\/)\s*cutover-ignore(-file)?\b([^\n]*)/;

function parseDirective(comment: Token): { file: boolean; rules: string[] } | undefined {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) return undefined;
  // The rule list ends at an optional `-- reason` (or the end of a block comment).
  const list = match[2].replace(/\*\/\s*$/, '').split(/\s--\s?|\s#/)[0];
  const rules = list.split(/[\s,]+/).map((r) => r.trim()).filter((r) => r.length > 0);
  return { file: match[1] !== undefined, rules };
}

export function collectIgnores(statements: readonly Statement[], tokensBeforeFirstStatement: readonly Token[]): IgnoreDirective[] {
  const ignores: IgnoreDirective[] = [];
  const seen = new Set<number>();
  const add = (comment: Token, statement?: Statement) => {
    if (seen.has(comment.start)) return;
    const parsed = parseDirective(comment);
    if (!parsed) return;
    // A file-wide ignore is honoured where it stands in the header; a statement ignore only right above its statement.
    if (parsed.file && statement && statement !== statements[0]) return;
    seen.add(comment.start);
    ignores.push({
      scope: parsed.file ? 'file' : 'statement',
      rules: parsed.rules,
      start: comment.start,
      end: comment.end,
      appliesTo: parsed.file || !statement ? undefined : { start: statement.start, end: statement.endWithDelimiter },
      used: new Set(),
    });
  };
  // The header holds file-wide directives; a statement directive counts only where it stands right above its statement.
  for (const token of tokensBeforeFirstStatement) if (token.kind === 'comment' && parseDirective(token)?.file) add(token);
  for (const statement of statements) for (const comment of statement.leadingComments) add(comment, statement);
  return ignores;
}

/** The directive that silences `rule` for a finding at `offset`, if any. */
export function findIgnore(ignores: readonly IgnoreDirective[], rule: string, offset: number): IgnoreDirective | undefined {
  return ignores.find(
    (i) =>
      (i.scope === 'file' || (i.appliesTo !== undefined && i.appliesTo.start <= offset && offset <= i.appliesTo.end)) &&
      (i.rules.length === 0 || i.rules.includes(rule)),
  );
}

/** Reads a directive comment's text: whether it is file-wide and the rules it names; undefined when it is none. */
export function readIgnoreDirective(text: string): { file: boolean; rules: string[] } | undefined {
  return parseDirective({ text } as Token);
}
