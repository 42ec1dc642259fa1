import { Connection } from 'vscode-languageserver';

/**
 * Runs a handler so that a bug in the engine never takes the server down: the error goes to the log
 * (message and stack only, never document text) and the handler answers `fallback`.
 */
export function runSafe<T>(connection: Connection, what: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const detail = error instanceof Error ? error.stack ?? error.message : String(error);
    connection.console.error(`Error while ${what}: ${detail}`);
    return fallback;
  }
}
