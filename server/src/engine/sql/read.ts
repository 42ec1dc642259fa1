import { SchemaChange } from '../model/changes';
import { mapOffsets } from '../model/spans';
import { readWithParser } from './parserAdapter';
import { Statement } from './splitter';
import { readWithTokens } from './tokenReader';

/**
 * Reads one statement into the schema-change model: node-sql-parser first, our token-level reader for what it
 * rejects (a fair share of real MySQL). Both give the same model where both read a statement (a test holds them to it).
 *
 * Reading is a pure function of the statement's text, so results are cached by text with spans relative to the
 * statement, and re-based on a hit: typing in one statement of a long dump does not re-parse the others.
 */
const CACHE_LIMIT = 4000;
const cache = new Map<string, SchemaChange>();

export function readStatement(statement: Statement, source: string): SchemaChange {
  const key = source.slice(statement.start, statement.endWithDelimiter);
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key); // keep recently used entries at the end of the map
    cache.set(key, cached);
    return mapOffsets(cached, (offset) => offset + statement.start);
  }
  const change = readWithParser(statement) ?? readWithTokens(statement, source);
  cache.set(key, mapOffsets(change, (offset) => offset - statement.start));
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return change;
}
