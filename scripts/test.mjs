#!/usr/bin/env node
// Every test: unit, integration and e2e (real PostgreSQL and Redis), then the browser journeys.
// Ends with one line `tests: N passed, N failed, N skipped` and a non-zero exit when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
mkdirSync('test-results', { recursive: true });
const extra = process.argv.slice(2);
const suites = [
  { name: 'unit + integration + e2e', config: 'jest.config.cjs' },
  { name: 'browser', config: 'jest.browser.config.cjs' },
];
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const out = `test-results/${suite.config.replace(/\W+/g, '-')}.json`;
  const result = spawnSync(
    process.execPath,
    ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--config', suite.config, '--json', '--outputFile', out, ...extra],
    { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
  );
  try {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) ok = false;
  } catch {
    totals.failed += 1;
  }
  if (result.status !== 0) ok = false;
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
