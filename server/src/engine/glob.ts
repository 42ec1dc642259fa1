/**
 * Glob patterns for `include`/`exclude` in `.cutover.json`: `**` (any folders), `*` (any characters but `/`), `?`,
 * `{a,b}` alternatives and `[abc]` classes, matched against `/`-separated paths relative to the config file.
 * A pattern without `/` matches a file name in any folder, as in .gitignore.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let inBraces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      source += slashAfter ? '(?:[^/]*/)*' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') {
      inBraces++;
      source += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      source += ')';
    } else if (c === ',' && inBraces > 0) source += '|';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\]/g, '\\$&');
  }
  const anchored = pattern.includes('/') ? `^${source.replace(/^\\?\.\//, '')}$` : `(?:^|/)${source}$`;
  return new RegExp(anchored);
}

export function matchesAny(relativePath: string, patterns: readonly string[] | undefined): boolean {
  if (!patterns || patterns.length === 0) return false;
  const normalised = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  return patterns.some((p) => globToRegExp(p).test(normalised));
}
