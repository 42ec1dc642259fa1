/** Where each rule's documentation page lives. Adapters pass the base (a file: URL of the shipped docs/rules/). */
export function docsUrl(ruleId: string, base: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${ruleId}.md`;
}
