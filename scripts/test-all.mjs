// `npm test`: every check the project has, in one command, in this order:
// lint → typecheck → Electron security scan → build (the e2e suites test the built app) → unit → integration →
// browser e2e (Chromium) → desktop e2e (skipped plainly where no Electron binary exists).
// Every stage runs even when an earlier one failed, so one run shows everything that is wrong.
// The last line is the total over all test runners: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = path.join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** @type {{ name: string, command: string[], env?: Record<string, string | undefined>, report?: { kind: 'vitest' | 'playwright', file: string } }[]} */
const stages = [
  { name: 'lint', command: [bin('eslint'), '--max-warnings', '0', '.'] },
  { name: 'typecheck (node)', command: [bin('tsc'), '-p', 'tsconfig.node.json'] },
  { name: 'typecheck (web)', command: [bin('tsc'), '-p', 'tsconfig.web.json'] },
  { name: 'security scan (electronegativity)', command: [process.execPath, 'scripts/electronegativity.mjs'] },
  // The package.json build script, whatever it builds (desktop app, web client, /manage pages).
  { name: 'build', command: ['npm', 'run', '--silent', 'build'] },
  vitestStage('unit'),
  // The integration suite on the default storage (SQLite), then — where a PostgreSQL server is
  // given — the same suite again on PostgreSQL.
  vitestStage('integration', { PCHAT_TEST_POSTGRES_URL: undefined }),
  ...(process.env.PCHAT_TEST_POSTGRES_URL
    ? [vitestStage('integration', { PCHAT_TEST_POSTGRES_URL: process.env.PCHAT_TEST_POSTGRES_URL }, 'integration (PostgreSQL)', 'integration-postgres')]
    : []),
  playwrightStage('e2e (browser)', 'test/e2e/playwright.config.ts', 'e2e.json'),
  playwrightStage('e2e (desktop)', 'test/electron/playwright.config.ts', 'electron.json'),
];

function vitestStage(project, env = {}, name = project, reportName = project) {
  const file = path.join(reports, `${reportName}.json`);
  return {
    name,
    command: [bin('vitest'), 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
    env,
    report: { kind: 'vitest', file },
  };
}

function playwrightStage(name, config, fileName) {
  const file = path.join(reports, fileName);
  return {
    name,
    command: [bin('playwright'), 'test', '--config', config, '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
    report: { kind: 'playwright', file },
  };
}

/** Counts from Vitest's JSON reporter (Jest-compatible shape). */
function countVitest(json) {
  return {
    passed: json.numPassedTests ?? 0,
    failed: json.numFailedTests ?? 0,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
  };
}

/** Counts from Playwright's JSON reporter. */
function countPlaywright(json) {
  const stats = json.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

/** The environment for a stage: its own values over ours; `undefined` removes a variable. */
function stageEnv(overrides = {}) {
  const env = { ...process.env };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];

for (const stage of stages) {
  console.log(`\n━━━ ${stage.name} ━━━`);
  const started = Date.now();
  const result = spawnSync(stage.command[0], stage.command.slice(1), { cwd: root, stdio: 'inherit', env: stageEnv(stage.env) });
  const ok = result.status === 0;
  let counts = null;
  if (stage.report && existsSync(stage.report.file)) {
    const json = JSON.parse(readFileSync(stage.report.file, 'utf8'));
    counts = stage.report.kind === 'vitest' ? countVitest(json) : countPlaywright(json);
    for (const key of Object.keys(totals)) totals[key] += counts[key];
  }
  if (!ok && (!counts || counts.failed === 0)) totals.failed += 1; // a stage that failed outside its tests
  summary.push({ name: stage.name, ok, counts, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n━━━ summary ━━━');
for (const { name, ok, counts, seconds } of summary) {
  const detail = counts ? ` (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped)` : '';
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name}${detail}  ${seconds}s`);
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(summary.every((stage) => stage.ok) ? 0 : 1);
