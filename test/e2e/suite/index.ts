// Loaded by the extension host (extensionTestsPath) under both runners: the offline code-server harness
// (scripts/run-vscode-tests.cjs) and @vscode/test-electron (test/e2e/runElectron.ts).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats!;
      // The closing line CI reads.
      console.log(`${stats.passes} passed, ${stats.failures} failed`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
