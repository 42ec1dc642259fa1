import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/**
 * The docs/rules folder shipped with the extension and the npm package, found by walking up from this bundle
 * (dist/ in a build, out/server/src/ in tests). Linking the installed copy keeps the page true to the version running.
 */
export function docsBaseUrl(start: string = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return `${pathToFileURL(candidate).href}/`;
    if (path.dirname(dir) === dir) return `${pathToFileURL(path.resolve(start, '..', 'docs', 'rules')).href}/`;
  }
}
