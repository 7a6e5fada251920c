#!/usr/bin/env node
// Guardian's dashboards check. Run `node dashboards/check.mjs --help`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './checker/deps.mjs';

const DASHBOARDS_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.dirname(DASHBOARDS_DIR);

const USAGE = `usage: dashboards/check [steps] [options]

Steps (default: all of them):
  --unit                     the checker's own unit tests (node --test checker/test/)
  --types, --types-only      every dashboards/*.json against Grafana's types (@grafana/schema, tsc
                             --noEmit) and the provisioned data source uids; self-test: a dashboard
                             broken on purpose must fail
  --queries, --queries-only  every panel's queries against the live ClickHouse / Elasticsearch /
                             InfluxDB; each must return rows; self-test: known-good queries pass,
                             known-bad ones fail
  --compose                  docker-compose.yml with docker-compose config -q (installed if missing)
                             plus ports, healthchecks and mounts; self-test: a broken file fails
  --all                      all four (the default)

Options:
  --dashboard FILE           check only this dashboard (repeatable)
  --from EXPR --to EXPR      time range for the queries (default: each dashboard's own, e.g. now-1h)
  --no-self-test             skip the self-tests
  --verbose                  print every expanded query and variable value

Backends: the local stack's host and ports (infra/local/stack.env, overridable by the same
environment variables), or GUARDIAN_CLICKHOUSE_URL, GUARDIAN_ELASTICSEARCH_URL, GUARDIAN_INFLUXDB_URL;
GUARDIAN_CHECK_CLICKHOUSE_DATABASE / GUARDIAN_CHECK_INFLUXDB_DATABASE / GUARDIAN_CHECK_ELASTICSEARCH_INDEX
override the provisioned database / index (e.g. to point the check at a scratch copy).`;

function parseArgs(argv) {
  const opts = { steps: new Set(), dashboards: [], selfTest: true, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--unit') opts.steps.add('unit');
    else if (a === '--types' || a === '--types-only') opts.steps.add('types');
    else if (a === '--queries' || a === '--queries-only') opts.steps.add('queries');
    else if (a === '--compose') opts.steps.add('compose');
    else if (a === '--all') ['unit', 'types', 'queries', 'compose'].forEach((s) => opts.steps.add(s));
    else if (a === '--dashboard') opts.dashboards.push(path.resolve(value()));
    else if (a === '--from') opts.from = value();
    else if (a === '--to') opts.to = value();
    else if (a === '--no-self-test') opts.selfTest = false;
    else if (a === '--verbose' || a === '-v') opts.verbose = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (opts.steps.size === 0) ['unit', 'types', 'queries', 'compose'].forEach((s) => opts.steps.add(s));
  return opts;
}

const log = (msg) => process.stderr.write(`${msg}\n`);

function row(...cells) {
  return cells.join(' | ');
}

function unitStep() {
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', path.join(DASHBOARDS_DIR, 'checker', 'test')], {
    encoding: 'utf8',
  });
  const count = (name) => Number(run.stdout.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail') + (run.status !== 0 && count('fail') === 0 ? 1 : 0);
  if (run.status !== 0) process.stdout.write(run.stdout + run.stderr);
  console.log(row('checker', 'unit tests', 'node --test', `${passed + failed} tests`, run.status === 0 ? 'OK' : 'FAIL'));
  console.log(`unit: ${passed} passed, ${failed} failed`);
  return { passed, failed: run.status === 0 && passed > 0 ? failed : Math.max(failed, 1) };
}

async function typesStep(ctx, opts) {
  const { typeCheck } = await import('./checker/typecheck.mjs');
  const { lintDashboard } = await import('./checker/lint.mjs');
  const { BROKEN_DASHBOARD, judgeBrokenDashboard } = await import('./checker/selftest.mjs');
  const entries = ctx.entries.map((e) => ({ ...e }));
  if (opts.selfTest) {
    entries.push({ fileName: '(self-test) broken-dashboard.json', dashboard: ctx.readDashboard(BROKEN_DASHBOARD), selfTest: true });
  }
  const results = typeCheck(DASHBOARDS_DIR, entries, ctx.datasources, ctx.defaultDs);
  const seenUids = new Map();
  let passed = 0;
  let failed = 0;
  for (const entry of entries) {
    const errors = results.get(entry.fileName) ?? [];
    if (entry.selfTest) {
      const problems = judgeBrokenDashboard(errors);
      console.log(row('self-test', 'broken dashboard must fail the type check', 'tsc', `${errors.length} errors`, problems.length ? 'FAIL' : 'OK'));
      problems.forEach((p) => console.log(`    ${p}`));
      problems.length ? failed++ : passed++;
      continue;
    }
    const lint = lintDashboard(entry.dashboard, ctx.datasources, seenUids, entry.fileName);
    const ok = errors.length === 0 && lint.length === 0;
    console.log(row(entry.fileName, '(whole dashboard)', 'types', `${errors.length + lint.length} problems`, ok ? 'OK' : 'FAIL'));
    for (const e of errors) console.log(`    ${e.path}${e.label ? ` (${e.label})` : ''}: ${e.message.replace(/\n/g, '\n    ')}`);
    for (const p of lint) console.log(`    ${p}`);
    ok ? passed++ : failed++;
  }
  const internal = results.get('(checker)') ?? [];
  for (const e of internal) console.log(`    checker: ${e.path} ${e.message}`);
  if (internal.length) failed++;
  console.log(`types: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

function printQueryResult(r) {
  const status = r.skipped ? 'SKIP' : r.ok ? 'OK' : 'FAIL';
  const backends = [...r.backends].join('+') || '-';
  console.log(row(r.dashboard, r.title, backends, `${r.rows} rows`, status));
  for (const e of r.errors) console.log(`    ${e}`);
}

async function queriesStep(ctx, opts) {
  const { checkDashboard, backendEnv, BACKENDS } = await import('./checker/queries.mjs');
  const { QUERIES_DASHBOARD, judgeQueryResults } = await import('./checker/selftest.mjs');
  const env = backendEnv(REPO_ROOT);
  const quietLog = { verbose: opts.verbose ? log : () => {} };
  let passed = 0;
  let failed = 0;
  const usedTypes = new Set();
  for (const { file, dashboard } of ctx.entries) {
    let results;
    try {
      results = await checkDashboard(file, dashboard, ctx.datasources, env, quietLog, opts);
    } catch (e) {
      console.log(row(path.basename(file), '(dashboard)', '-', '0 rows', 'FAIL'));
      console.log(`    ${e.message}`);
      failed++;
      continue;
    }
    for (const r of results) {
      printQueryResult(r);
      for (const b of r.backends) usedTypes.add(b);
      if (r.skipped) continue;
      r.ok ? passed++ : failed++;
    }
  }
  if (opts.selfTest) {
    // Only the backends the dashboards use need to be up.
    const fixture = ctx.readDashboard(QUERIES_DASHBOARD);
    const typeOf = (p) => p.targets?.[0]?.datasource?.type;
    fixture.panels = fixture.panels.filter((p) => usedTypes.has(BACKENDS[typeOf(p)]?.name));
    const results = await checkDashboard(QUERIES_DASHBOARD, fixture, ctx.datasources, env, quietLog, {});
    const problems = judgeQueryResults(results);
    console.log(row('self-test', 'good queries pass, bad queries fail', [...usedTypes].join('+') || '-', `${results.length} panels`, problems.length ? 'FAIL' : 'OK'));
    problems.forEach((p) => console.log(`    ${p}`));
    problems.length ? failed++ : passed++;
  }
  console.log(`queries: ${passed} passed, ${failed} failed`);
  return { passed, failed };
}

async function composeStep() {
  const { checkCompose } = await import('./checker/compose.mjs');
  let results;
  try {
    results = checkCompose(REPO_ROOT, log);
  } catch (e) {
    results = [{ name: 'docker-compose available', ok: false, detail: e.message }];
  }
  for (const r of results) {
    console.log(row('docker-compose.yml', r.name, 'docker-compose', '-', r.ok ? 'OK' : 'FAIL'));
    if (!r.ok && r.detail) console.log(`    ${r.detail.replace(/\n/g, '\n    ')}`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`compose: ${results.length - failed} passed, ${failed} failed`);
  return { passed: results.length - failed, failed };
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    log(`${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const total = { passed: 0, failed: 0 };
  const add = (r) => {
    total.passed += r.passed;
    total.failed += r.failed;
  };
  if (opts.steps.has('unit')) add(unitStep());
  if (['types', 'queries', 'compose'].some((s) => opts.steps.has(s))) ensureDependencies(DASHBOARDS_DIR, log);
  if (opts.steps.has('types') || opts.steps.has('queries')) {
    const files = await import('./checker/files.mjs');
    const list = opts.dashboards.length ? opts.dashboards : files.listDashboards(DASHBOARDS_DIR);
    const datasources = files.loadDatasources(DASHBOARDS_DIR);
    const ctx = {
      datasources,
      defaultDs: files.defaultDatasource(datasources),
      readDashboard: files.readDashboard,
      entries: list.map((file) => ({ file, fileName: path.basename(file), dashboard: files.readDashboard(file) })),
    };
    if (ctx.entries.length === 0) {
      log('no dashboards found');
      return 1;
    }
    if (opts.steps.has('types')) add(await typesStep(ctx, opts));
    if (opts.steps.has('queries')) add(await queriesStep(ctx, opts));
  }
  if (opts.steps.has('compose')) add(await composeStep());
  console.log(`dashboards: ${total.passed} passed, ${total.failed} failed`);
  return total.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    log(`dashboards check: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
