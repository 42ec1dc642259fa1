import { PlanResult, PlannedStatementView } from '../../../server/src/protocol';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function badge(s: PlannedStatementView): string {
  if (s.algorithm === 'NONE') return '<span class="badge new">new table</span>';
  const risky = s.algorithm === 'COPY' || !s.concurrentDml;
  const detail = `${s.rebuildsTable ? ', rebuilds' : ''}${s.concurrentDml ? '' : ', blocks writes'}`;
  return `<span class="badge ${risky ? 'risky' : 'safe'}">${escape(s.algorithm)}${escape(detail)}</span>`;
}

/** A button that opens `file:line`; ids index into the links the panel keeps, so no path travels back from the page. */
function link(index: number, label: string): string {
  return `<button class="link" data-link="${index}" title="Open ${escape(label)}">${escape(label)}</button>`;
}

/**
 * The preview page: phases as a timeline, each statement with its file:line link and lock-class badge, the multi-step
 * plans and the warnings. Colours come from the theme's CSS variables; a strict content security policy with a nonce.
 */
export function planHtml(plan: PlanResult, links: Array<{ uri: string; line: number }>, nonce: string, cspSource: string): string {
  const addLink = (uri: string | undefined, line: number | undefined, label: string) => {
    if (!uri || line === undefined) return escape(label);
    links.push({ uri, line });
    return link(links.length - 1, label);
  };
  const where = (uri: string | undefined, path: string | undefined, line: number | undefined) =>
    path ? addLink(uri, line, `${path}${line !== undefined ? `:${line + 1}` : ''}`) : '';
  const phases = plan.phases
    .map((phase, i) => {
      const instant = phase.name === 'app-deploy' || phase.statements.length === 0 ? '' : `<span class="badge ${phase.instantEligible ? 'safe' : 'neutral'}">${phase.instantEligible ? 'instant deploy possible' : 'not instant'}</span>`;
      const body =
        phase.name === 'app-deploy'
          ? '<p>Deploy the application code of this change.</p>'
          : phase.statements.length === 0
            ? '<p class="muted">Nothing.</p>'
            : `<ol class="statements">${phase.statements
                .map((s) => `<li><code>${escape(s.sql)}</code>${s.generated ? ' <span class="muted">(planned)</span>' : ''}<div class="meta">${badge(s)} ${where(s.uri, s.path, s.range?.start.line)}</div></li>`)
                .join('')}</ol>`;
      return `<li class="phase" data-phase="${escape(phase.name)}"><h2><span class="step">${i + 1}</span> ${escape(phase.title)} ${instant}</h2>${body}</li>`;
    })
    .join('');
  const steps = plan.steps
    .map((multi) => `<section class="multi"><h3>${escape(multi.title)} ${multi.uri ? addLink(multi.uri, multi.range?.start.line, 'source') : ''}</h3><ol>${multi.steps
      .map((step) => `<li><strong>${escape(step.kind === 'deploy-request' ? 'Deploy request' : step.kind === 'app' ? 'App' : 'Backfill')}</strong>: ${escape(step.description)}${step.sql ? `<br><code>${escape(step.sql)}</code>` : ''}</li>`)
      .join('')}</ol></section>`)
    .join('');
  const warnings = plan.warnings.map((w) => `<li>${escape(w.message)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Deploy order</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin: 0 0 .5em; } h3 { font-size: 1em; }
.timeline { list-style: none; padding: 0; border-left: 2px solid var(--vscode-panel-border, var(--vscode-contrastBorder, #888)); margin-left: .7em; }
.phase { padding: .2em 0 1em 1.2em; position: relative; }
.step { display: inline-block; min-width: 1.5em; text-align: center; border-radius: 1em; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); margin-left: -2.15em; margin-right: .4em; }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: .1em .3em; white-space: pre-wrap; }
.meta { margin: .3em 0 .8em; }
.badge { font-size: .85em; border-radius: .3em; padding: .05em .45em; border: 1px solid var(--vscode-contrastBorder, transparent); }
.badge.safe { background: var(--vscode-testing-iconPassed, #388a34); color: var(--vscode-editor-background); }
.badge.risky { background: var(--vscode-editorWarning-foreground, #cca700); color: var(--vscode-editor-background); }
.badge.neutral, .badge.new { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; text-decoration: underline; }
.link:focus, button:focus { outline: 1px solid var(--vscode-focusBorder); }
.muted { color: var(--vscode-descriptionForeground); }
.toolbar button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: .35em .9em; cursor: pointer; }
.warnings li { color: var(--vscode-editorWarning-foreground); }
</style></head>
<body>
<h1>Deploy order</h1>
<p class="muted">${escape(plan.description)}</p>
<div class="toolbar"><button class="primary" id="copy">Copy as Markdown</button></div>
${warnings ? `<h2>Warnings</h2><ul class="warnings">${warnings}</ul>` : ''}
<ol class="timeline">${phases}</ol>
${steps ? `<h2>Multi-step changes</h2>${steps}` : ''}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.getElementById('copy').addEventListener('click', () => vscode.postMessage({ type: 'copy' }));
for (const button of document.querySelectorAll('[data-link]')) {
  button.addEventListener('click', () => vscode.postMessage({ type: 'open', link: Number(button.dataset.link) }));
}
</script>
</body></html>`;
}
