import { DdlClassification, DdlOptions, classify } from '../../../server/src/engine/ddl/onlineDdl';
import { Schema } from '../../../server/src/engine/schema/model';
import { replayFile } from '../../../server/src/engine/lint';
import { splitStatements } from '../../../server/src/engine/sql/splitter';
import { readWithTokens } from '../../../server/src/engine/sql/tokenReader';

/** Builds the schema from `setupSql` with the engine's own reader, then classifies the one statement of `statementSql`. */
export function classifySql(setupSql: string, statementSql: string, options: Partial<DdlOptions> = {}): DdlClassification {
  const schema = replayFile(setupSql, 'setup.sql', new Schema());
  const [statement] = splitStatements(statementSql).statements;
  return classify(readWithTokens(statement, statementSql), schema, { target: 'mysql', ...options });
}
