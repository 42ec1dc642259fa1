import { AlterTable, CreateTable, ForeignKeyDefinition, SchemaChange } from '../model/changes';

/** Every foreign key a statement adds, with the CREATE/ALTER TABLE it stands in. */
export function addedForeignKeys(change: SchemaChange): Array<{ fk: ForeignKeyDefinition; change: CreateTable | AlterTable }> {
  if (change.kind === 'create-table') return change.foreignKeys.map((fk) => ({ fk, change }));
  if (change.kind === 'alter-table') {
    return change.actions.flatMap((action) => (action.kind === 'add-foreign-key' ? [{ fk: action.foreignKey, change }] : []));
  }
  return [];
}

export function foreignKeyLabel(fk: ForeignKeyDefinition, table: string): string {
  const name = fk.constraintName ? ` \`${fk.constraintName.name}\`` : '';
  return `Foreign key constraint${name} on ${table} (${fk.columns.map((c) => c.name).join(', ')})`;
}
