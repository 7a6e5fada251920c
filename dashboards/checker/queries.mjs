// Step 2: every panel's queries against the live backends, with template variables resolved
// the way Grafana resolves them on load (the first value each variable's own query returns).
import fs from 'node:fs';
import path from 'node:path';
import * as clickhouse from './backends/clickhouse.mjs';
import * as elasticsearch from './backends/elasticsearch.mjs';
import * as influxdb from './backends/influxdb.mjs';
import { allPanels, defaultDatasource } from './files.mjs';
import { replaceVariables } from './interpolate.mjs';
import { panelTiming, parseTime } from './time.mjs';

export const BACKENDS = {
  'grafana-clickhouse-datasource': { name: 'clickhouse', impl: clickhouse },
  elasticsearch: { name: 'elasticsearch', impl: elasticsearch },
  influxdb: { name: 'influxdb', impl: influxdb },
};

const NOT_QUERIED = new Set(['-- Grafana --', '-- Dashboard --', 'grafana']);

/**
 * Defaults of the local stack (infra/local/stack.env lines like `: "${NAME:=value}"`): the one
 * place its ports are defined. The environment overrides them, as it does for the stack.
 */
function stackDefaults(repoRoot) {
  const file = path.join(repoRoot, 'infra', 'local', 'stack.env');
  if (!fs.existsSync(file)) return {};
  const out = {};
  for (const m of fs.readFileSync(file, 'utf8').matchAll(/^\s*:\s*"\$\{(\w+):=([^}$]*)\}"/gm)) out[m[1]] = m[2];
  return out;
}

export function backendEnv(repoRoot) {
  const env = process.env;
  const stack = stackDefaults(repoRoot);
  const get = (name, fallback) => env[name] || stack[name] || fallback;
  const host = get('GUARDIAN_BIND_HOST', '127.0.0.1');
  const trim = (u) => u.replace(/\/+$/, '');
  return {
    clickhouseUrl: trim(env.GUARDIAN_CLICKHOUSE_URL || `http://${host}:${get('GUARDIAN_CLICKHOUSE_HTTP_PORT', '8123')}`),
    elasticsearchUrl: trim(env.GUARDIAN_ELASTICSEARCH_URL || `http://${host}:${get('GUARDIAN_ES_HTTP_PORT', '9200')}`),
    influxdbUrl: trim(env.GUARDIAN_INFLUXDB_URL || `http://${host}:${get('GUARDIAN_INFLUXDB_HTTP_PORT', '8086')}`),
    clickhouseDatabase: env.GUARDIAN_CHECK_CLICKHOUSE_DATABASE || undefined,
    influxdbDatabase: env.GUARDIAN_CHECK_INFLUXDB_DATABASE || undefined,
    elasticsearchIndex: env.GUARDIAN_CHECK_ELASTICSEARCH_INDEX || undefined,
    timeoutMs: Number(env.GUARDIAN_CHECK_TIMEOUT_MS || 60_000),
  };
}

function resolveDatasource(ref, fallback, datasources, variables) {
  let uid = ref?.uid ?? fallback?.uid;
  if (uid && /^\$/.test(uid)) uid = replaceVariables(uid, { variables });
  if (!uid) return { error: 'no data source (none on the target or panel, and no default)' };
  if (NOT_QUERIED.has(uid)) return { builtin: uid };
  const ds = datasources.get(uid);
  if (!ds) return { error: `data source uid ${uid} is not provisioned` };
  const backend = BACKENDS[ds.type];
  if (!backend) return { error: `data source type ${ds.type} is not supported by the check` };
  return { ds, backend };
}

function firstValue(values, variable) {
  let list = values;
  if (variable.regex) {
    const m = variable.regex.match(/^\/(.*)\/([gimsuy]*)$/s);
    const re = m ? new RegExp(m[1], m[2]) : new RegExp(variable.regex);
    list = list
      .map((v) => {
        const hit = v.text.match(re) ?? v.value.match(re);
        if (!hit) return null;
        const picked = hit.groups?.value ?? hit[1] ?? v.value;
        return { value: picked, text: hit.groups?.text ?? picked };
      })
      .filter(Boolean);
  }
  if (variable.sort && variable.sort !== 0) {
    const numeric = [3, 4].includes(variable.sort);
    const key = (v) => (numeric ? Number((v.text.match(/-?\d+(\.\d+)?/) ?? [NaN])[0]) : v.text.toLowerCase());
    list = [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if ([2, 4, 6, 8].includes(variable.sort)) list.reverse();
  }
  return list[0];
}

function customOptions(query) {
  // "a, b, key : value" → options (escaped commas "\," stay in the value)
  return String(query ?? '')
    .split(/(?<!\\),/)
    .map((s) => s.replace(/\\,/g, ',').trim())
    .filter(Boolean)
    .map((s) => {
      const kv = s.match(/^(.*?)\s:\s(.*)$/);
      return kv ? { text: kv[1].trim(), value: kv[2].trim() } : { text: s, value: s };
    });
}

/** Resolves the dashboard's variables in order; each may use the ones before it. */
async function resolveVariables(dashboard, datasources, range, env, log) {
  const variables = new Map();
  for (const v of dashboard.templating?.list ?? []) {
    const entry = { name: v.name, multi: v.multi, includeAll: v.includeAll, value: '', text: '' };
    variables.set(v.name, entry);
    try {
      let picked;
      switch (v.type) {
        case 'query': {
          const { ds, backend, builtin, error } = resolveDatasource(v.datasource, defaultDatasource(datasources), datasources, variables);
          if (error || builtin) throw new Error(error ?? `variable data source ${builtin} cannot be queried`);
          const ctx = { ...range, intervalMs: 60_000, variables, dashboard, dsType: ds.type };
          const { values, query } = await backend.impl.variableValues(v.query, ds, ctx, env);
          log.verbose(`  variable $${v.name} (${backend.name}): ${query.replace(/\s+/g, ' ')} → ${values.length} value(s)`);
          picked = firstValue(values, v);
          if (!picked) throw new Error(`its query returned no values${v.regex ? ` matching ${v.regex}` : ''}`);
          break;
        }
        case 'custom':
        case 'interval':
          picked = firstValue(customOptions(v.query), v);
          if (v.type === 'interval' && picked?.value === 'auto') picked = { value: '1m', text: '1m' };
          if (!picked) throw new Error('no options');
          break;
        case 'constant':
        case 'textbox': {
          const value = String(v.query ?? v.current?.value ?? '');
          picked = { value, text: value };
          break;
        }
        case 'datasource': {
          const ds = [...datasources.values()].find((d) => d.type === v.query);
          if (!ds) throw new Error(`no provisioned data source of type ${v.query}`);
          picked = { value: ds.uid, text: ds.name };
          break;
        }
        case 'adhoc':
        case 'groupby':
          continue;
        default:
          throw new Error(`variable type ${v.type} is not supported by the check`);
      }
      entry.value = picked.value;
      entry.text = picked.text;
      log.verbose(`  variable $${v.name} = ${JSON.stringify(picked.value)}`);
    } catch (e) {
      entry.error = e.message;
      log.verbose(`  variable $${v.name}: ${e.message}`);
    }
  }
  return variables;
}

/**
 * Runs every panel of one dashboard. Returns one result per panel that has queries:
 * { dashboard, title, backends, rows, ok, errors: [] }.
 */
export async function checkDashboard(file, dashboard, datasources, env, log, timeOptions = {}) {
  const now = Date.now();
  const from = parseTime(timeOptions.from ?? dashboard.time?.from ?? 'now-1h', now);
  const to = parseTime(timeOptions.to ?? dashboard.time?.to ?? 'now', now);
  const range = { from, to };
  const fileName = path.basename(file);
  const variables = await resolveVariables(dashboard, datasources, range, env, log);
  const results = [];

  for (const panel of allPanels(dashboard)) {
    if (panel.type === 'row' || !Array.isArray(panel.targets) || panel.targets.length === 0) continue;
    const result = { dashboard: fileName, title: panel.title ?? `(panel ${panel.id})`, backends: new Set(), rows: 0, ok: true, errors: [] };
    results.push(result);
    let ran = 0;
    for (const target of panel.targets) {
      if (target.hide) continue;
      const fallback = panel.datasource?.uid === '-- Mixed --' ? null : panel.datasource ?? defaultDatasource(datasources);
      const { ds, backend, builtin, error } = resolveDatasource(target.datasource, fallback, datasources, variables);
      if (builtin) {
        result.backends.add(builtin);
        continue;
      }
      ran += 1;
      if (error) {
        result.ok = false;
        result.errors.push(`${target.refId}: ${error}`);
        continue;
      }
      result.backends.add(backend.name);
      const timing = panelTiming(range, panel, ds);
      const ctx = { ...timing, variables, dashboard, dsType: ds.type };
      try {
        const { rows, query } = await backend.impl.runTarget(target, ds, ctx, env);
        log.verbose(`  ${fileName} / ${result.title} / ${target.refId}: ${query.replace(/\s+/g, ' ')}`);
        result.rows += rows;
        if (rows === 0) {
          result.ok = false;
          result.errors.push(`${target.refId}: no rows for ${new Date(timing.from).toISOString()} … ${new Date(timing.to).toISOString()}: ${query.replace(/\s+/g, ' ')}`);
        }
      } catch (e) {
        result.ok = false;
        result.errors.push(`${target.refId}: ${e.message}`);
      }
    }
    if (ran === 0 && result.errors.length === 0) result.skipped = 'no query against a checked backend';
  }
  return results;
}
