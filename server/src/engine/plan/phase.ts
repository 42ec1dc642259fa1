import { AlterAction, SchemaChange } from '../model/changes';
import { Schema, findColumn } from '../schema/model';
import { compareTypes } from '../rules/columnTypes';

/**
 * When a statement must deploy relative to the application code that goes with it (PlanetScale's expand/contract):
 * `before-code` adds what new code will use; `after-code` removes what old code still uses; `multi-step` cannot be
 * made safe in one step (renames, type changes); `any` does not affect running code.
 */
export type Phase = 'before-code' | 'after-code' | 'multi-step' | 'any';

const RANK: Record<Phase, number> = { any: 0, 'before-code': 1, 'after-code': 2, 'multi-step': 3 };

function strongest(phases: Phase[]): Phase {
  return phases.reduce<Phase>((a, b) => (RANK[b] > RANK[a] ? b : a), 'any');
}

function alterPhase(action: AlterAction, table: string, schema: Schema): Phase {
  switch (action.kind) {
    case 'add-column':
    case 'add-columns':
    case 'add-index':
    case 'set-default':
    case 'drop-default':
      return 'before-code';
    case 'drop-column':
    case 'drop-index':
    case 'drop-primary-key':
    case 'drop-foreign-key':
    case 'drop-check':
      return 'after-code';
    case 'rename-column':
    case 'rename-table':
      return 'multi-step';
    case 'change-column':
    case 'modify-column': {
      const oldName = action.kind === 'change-column' ? action.from.name : action.column.name.name;
      if (action.kind === 'change-column' && oldName.toLowerCase() !== action.column.name.name.toLowerCase()) return 'multi-step';
      const before = schema.table(table);
      const column = before ? findColumn(before, oldName) : undefined;
      if (!column) return 'multi-step';
      const comparison = compareTypes(column.definition.type, action.column.type);
      if (comparison === 'different') return 'multi-step';
      // Making a column NOT NULL breaks old code that leaves it out; relaxing it helps new code: deploy before.
      if (column.definition.nullable !== false && action.column.nullable === false) return 'after-code';
      return 'before-code';
    }
    case 'add-foreign-key':
    case 'add-check':
      return 'before-code';
    default:
      return 'any';
  }
}

export function phaseOf(change: SchemaChange, schemaBefore: Schema): Phase {
  switch (change.kind) {
    case 'create-table':
    case 'create-index':
      return 'before-code';
    case 'drop-table':
    case 'drop-index':
    case 'truncate-table':
      return 'after-code';
    case 'rename-table':
      return 'multi-step';
    case 'alter-table':
      return strongest(change.actions.map((action) => alterPhase(action, change.table.name, schemaBefore)));
    case 'create-object':
      return 'before-code';
    case 'drop-object':
      return 'after-code';
    default:
      return 'any';
  }
}
