import { DeployPlan, PlannedStatement } from './deployOrder';

function lockClass(s: PlannedStatement): string {
  if (s.algorithm === 'NONE') return 'new table';
  return `${s.algorithm}${s.rebuildsTable ? ', rebuilds' : ''}${s.concurrentDml ? '' : ', blocks writes'}`;
}

function where(s: { path?: string }, line: (s: { path?: string; start: number }) => number | undefined, start: number): string {
  const n = line({ path: s.path, start });
  return s.path ? `${s.path}${n !== undefined ? `:${n + 1}` : ''}` : '';
}

/**
 * The plan as Markdown for a pull-request description. `lineOf` gives the 0-based line of an offset in a file, when
 * known, for `file:line` references.
 */
export function planToMarkdown(plan: DeployPlan, lineOf: (at: { path?: string; start: number }) => number | undefined = () => undefined): string {
  const out: string[] = ['## Deploy plan', ''];
  plan.phases.forEach((phase, i) => {
    const instant = phase.name === 'app-deploy' || phase.statements.length === 0 ? '' : phase.instantEligible ? ' · instant deploy possible' : ' · not instant';
    out.push(`### ${i + 1}. ${phase.title}${instant}`, '');
    if (phase.name === 'app-deploy') {
      out.push('Deploy the application code of this change.', '');
      return;
    }
    if (phase.statements.length === 0) {
      out.push('Nothing.', '');
      return;
    }
    out.push('| # | statement | from | lock |', '| --- | --- | --- | --- |');
    phase.statements.forEach((s, n) => {
      const sql = s.sql.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
      out.push(`| ${n + 1} | \`${sql}\`${s.generated ? ' *(planned)*' : ''} | ${where(s, lineOf, s.start)} | ${lockClass(s)} |`);
    });
    out.push('');
  });
  if (plan.steps.length > 0) {
    out.push('### Multi-step changes', '');
    for (const multi of plan.steps) {
      out.push(`#### ${multi.title}${multi.path ? ` (${where(multi, lineOf, multi.start)})` : ''}`, '');
      multi.steps.forEach((step, n) => {
        const label = step.kind === 'deploy-request' ? 'Deploy request' : step.kind === 'app' ? 'App' : 'Backfill';
        out.push(`${n + 1}. **${label}**: ${step.description}${step.sql ? `: \`${step.sql}\`` : ''}`);
      });
      out.push('');
    }
  }
  if (plan.warnings.length > 0) {
    out.push('### Warnings', '');
    for (const warning of plan.warnings) out.push(`- ${warning.message}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
