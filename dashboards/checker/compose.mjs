// Step 3: docker-compose.yml, validated offline with Debian's docker-compose (1.29) — it cannot run
// here (no Docker engine) — plus the facts the stack relies on that `config -q` cannot see.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

const have = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;

export function ensureDockerCompose(log) {
  if (have('docker-compose')) return;
  if (!have('apt-get') || process.getuid?.() !== 0) {
    throw new Error('docker-compose is missing: install Debian\'s package (apt-get install docker-compose)');
  }
  log('installing docker-compose (apt-get) …');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'docker-compose']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
  }
}

function compose(file, args, cwd) {
  return spawnSync('docker-compose', ['-f', file, ...args], { cwd, encoding: 'utf8', env: { ...process.env, COMPOSE_INTERACTIVE_NO_CLI: '1' } });
}

// What the stack promises (DESIGN §7 ports; issue 2 item 4). Images are matched by prefix.
const SERVICES = {
  kafka: { image: 'apache/kafka:', port: 9092 },
  jobmanager: { image: 'flink:2.2.1', port: 8081 },
  taskmanager: { image: 'flink:2.2.1' },
  clickhouse: { image: 'clickhouse/clickhouse-server:', port: 8123 },
  elasticsearch: { image: 'docker.elastic.co/elasticsearch/elasticsearch:8.19.', port: 9200 },
  influxdb: { image: 'influxdb:1.11', port: 8086 },
  grafana: { image: 'grafana/grafana:', port: 3000 },
};

function publishedPorts(service) {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object') return Number(p.published);
    const parts = String(p).replace(/\/\w+$/, '').split(':');
    return Number(parts.length >= 2 ? parts[parts.length - 2] : parts[0]);
  });
}

function envOf(service) {
  const env = service.environment ?? {};
  if (!Array.isArray(env)) return env;
  return Object.fromEntries(env.map((e) => [e.split('=')[0], e.split('=').slice(1).join('=')]));
}

/** Facts about the resolved configuration; returns a list of problems. */
export function inspectCompose(config, repoRoot) {
  const problems = [];
  const services = config.services ?? {};
  for (const [name, want] of Object.entries(SERVICES)) {
    const s = services[name];
    if (!s) {
      problems.push(`service ${name} is missing`);
      continue;
    }
    if (!String(s.image ?? '').startsWith(want.image)) problems.push(`${name}: image ${s.image} is not ${want.image}…`);
    if (want.port && !publishedPorts(s).includes(want.port)) problems.push(`${name}: port ${want.port} is not published`);
    if (!s.healthcheck || s.healthcheck.disable) problems.push(`${name}: no healthcheck`);
  }
  const plugins = envOf(services.grafana ?? {}).GF_INSTALL_PLUGINS ?? '';
  if (!plugins.includes('grafana-clickhouse-datasource')) problems.push('grafana: GF_INSTALL_PLUGINS does not install grafana-clickhouse-datasource');

  // Every bind mount must exist in the repository; the init steps must see the infra they apply.
  const mounted = new Set();
  for (const [name, s] of Object.entries(services)) {
    for (const v of s.volumes ?? []) {
      const source = typeof v === 'object' ? (v.type === 'bind' ? v.source : null) : String(v).split(':')[0];
      if (!source || !path.isAbsolute(source)) continue;
      mounted.add(path.relative(repoRoot, source));
      if (!fs.existsSync(source)) problems.push(`${name}: bind mount ${path.relative(repoRoot, source)} does not exist`);
    }
  }
  for (const needed of ['infra/kafka', 'infra/clickhouse', 'infra/elasticsearch', 'dashboards/provisioning/datasources', 'dashboards/provisioning/dashboards']) {
    if (![...mounted].some((m) => m === needed || needed.startsWith(`${m}/`) || m.startsWith(`${needed}/`))) {
      problems.push(`nothing mounts ${needed}`);
    }
  }
  return problems;
}

/** Runs docker-compose config -q, inspects the resolved config, and proves a broken file is rejected. */
export function checkCompose(repoRoot, log) {
  ensureDockerCompose(log);
  const file = path.join(repoRoot, 'docker-compose.yml');
  const results = [];
  if (!fs.existsSync(file)) return [{ name: 'docker-compose.yml exists', ok: false, detail: 'missing' }];

  const quiet = compose(file, ['config', '-q'], repoRoot);
  results.push({ name: 'docker-compose config -q', ok: quiet.status === 0, detail: (quiet.stderr || quiet.stdout).trim() });
  if (quiet.status === 0) {
    const full = compose(file, ['config'], repoRoot);
    const problems = full.status === 0 ? inspectCompose(parseYaml(full.stdout), repoRoot) : [full.stderr.trim()];
    results.push({ name: 'services, ports, healthchecks, mounts', ok: problems.length === 0, detail: problems.join('\n') });
  }

  // Self-test: the validator must reject a file with an unknown service property.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardian-compose-'));
  try {
    const broken = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(broken, 'services:\n  grafana:\n    image: grafana/grafana\n    portz: ["3000:3000"]\n');
    const r = compose(broken, ['config', '-q'], dir);
    results.push({
      name: 'self-test: a broken compose file is rejected',
      ok: r.status !== 0,
      detail: r.status !== 0 ? '' : 'docker-compose accepted an unknown property: the validation cannot fail',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
