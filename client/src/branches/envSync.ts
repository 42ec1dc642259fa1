import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { EnvConnection, detectFlavour, envValuesFor, parseEnv, updateEnv } from './envFile';

/** Where the application's environment file is: `cutover.envFile`, else `.env` at the folder root when it exists. */
export function envFileOf(folder: vscode.WorkspaceFolder): string | undefined {
  const configured = vscode.workspace.getConfiguration('cutover', folder.uri).get<string>('envFile', '');
  if (configured === 'none') return undefined;
  const candidate = path.resolve(folder.uri.fsPath, configured || '.env');
  return fs.existsSync(candidate) ? candidate : undefined;
}

export interface EnvChange {
  file: string;
  changed: string[];
  before: string;
}

/**
 * Points the app's `.env` at the branch: only the connection keys change (Laravel DB_*, or DATABASE_URL), every other
 * byte stays. An open document goes through the editor (its unsaved edits kept, undoable); a closed file is written
 * atomically (a temporary file renamed over it).
 */
export async function syncEnvFile(file: string, connection: EnvConnection): Promise<EnvChange | undefined> {
  const uri = vscode.Uri.file(file);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
  const before = open ? open.getText() : fs.readFileSync(file, 'utf8');
  const existing = parseEnv(before);
  const flavour = detectFlavour(existing);
  if (!flavour) return undefined;
  const { text, changed } = updateEnv(before, envValuesFor(flavour, connection, existing));
  if (changed.length === 0) return { file, changed, before };
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(before.length)), text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${path.basename(file)} in the editor`);
    if (!open.isDirty || open.getText() === text) await open.save();
  } else {
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.cutover-${process.pid}`);
    fs.writeFileSync(temporary, text, { mode: fs.statSync(file).mode });
    fs.renameSync(temporary, file);
  }
  return { file, changed, before };
}

/** Puts the previous text back (the "Undo" of the switch notification). */
export async function restoreEnvFile(change: EnvChange): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === change.file);
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), change.before);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    fs.writeFileSync(change.file, change.before);
  }
}
