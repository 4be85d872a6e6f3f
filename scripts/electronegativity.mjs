// Runs Electronegativity (Doyensec's Electron security scanner) over the code that ships in the
// desktop app and fails on any finding that is not justified in
// test/security/electronegativity-allowlist.json (each entry's reason is also in docs/security.md).
// The scanner itself always exits 0, so this wrapper is what makes a finding fail the test run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const allowlist = JSON.parse(readFileSync(path.join(root, 'test/security/electronegativity-allowlist.json'), 'utf8'));

// Scan a copy without tests: test files mock electron in ways that are not shipped code.
const input = mkdtempSync(path.join(tmpdir(), 'pchat-eneg-'));
// SARIF (JSON) rather than CSV: code samples in the report may span lines.
const report = path.join(input, 'report.sarif');
for (const folder of ['main', 'preload', 'renderer', 'common', 'package.json']) {
  cpSync(path.join(root, folder), path.join(input, folder), {
    recursive: true,
    filter: (source) => !/\.test\.tsx?$/.test(source) && !source.includes(`${path.sep}test-support`),
  });
}

const toolDir = path.join(root, 'tools', 'electronegativity');
const scanner = path.join(toolDir, 'node_modules', '.bin', 'electronegativity');
if (!existsSync(scanner)) {
  console.log('electronegativity: installing the scanner (first run)…');
  const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: toolDir, stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('electronegativity: could not install the scanner');
    process.exit(1);
  }
}
const run = spawnSync(scanner, ['-i', input, '-r', '-v', 'false', '-o', report], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  console.error('electronegativity: the scanner itself failed');
  process.exit(1);
}

const sarif = JSON.parse(readFileSync(report, 'utf8'));
const findings = (sarif.runs?.[0]?.results ?? []).map((result) => {
  const location = result.locations?.[0]?.physicalLocation;
  return {
    check: result.ruleId,
    file: String(location?.artifactLocation?.uri ?? '').replace(/^\/+/, ''),
    line: location?.region?.startLine,
  };
});
rmSync(input, { recursive: true, force: true });

const isAllowed = (finding) => allowlist.some((entry) => entry.check === finding.check && entry.file === finding.file);
const open = findings.filter((finding) => !isAllowed(finding));
const justified = findings.length - open.length;

for (const finding of open) {
  console.error(`OPEN  ${finding.check} ${finding.file}:${finding.line}`);
}
const stale = allowlist.filter((entry) => !findings.some((f) => f.check === entry.check && f.file === entry.file));
for (const entry of stale) console.warn(`note: allowlist entry no longer needed: ${entry.check} ${entry.file}`);

console.log(`electronegativity: ${findings.length} finding(s), ${justified} justified in the allowlist, ${open.length} open`);
process.exit(open.length === 0 ? 0 : 1);
