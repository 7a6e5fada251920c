// InfluxDB 1.x /query (InfluxQL), as Grafana's InfluxDB data source sends raw queries.
import { expandQuery } from '../interpolate.mjs';
import { parseJson, request } from './http.mjs';

function database(ds, env) {
  return env.influxdbDatabase ?? ds.jsonData.dbName ?? ds.database ?? ds.jsonData.database;
}

/** Runs InfluxQL; returns the results array, throwing on any statement's error. */
export async function runInfluxQL(q, ds, env) {
  const params = new URLSearchParams({ q, epoch: 'ms' });
  const db = database(ds, env);
  if (db) params.set('db', db);
  if (ds.jsonData.retentionPolicy) params.set('rp', ds.jsonData.retentionPolicy);
  const res = await request(`${env.influxdbUrl}/query?${params}`, { timeoutMs: env.timeoutMs });
  const body = res.text.trim() ? parseJson(res.text, 'InfluxDB') : {};
  if (!res.ok || body.error) throw new Error(`InfluxDB HTTP ${res.status}: ${body.error ?? res.text.slice(0, 2000)}`);
  const results = body.results ?? [];
  const failed = results.find((r) => r.error);
  if (failed) throw new Error(`InfluxDB: ${failed.error}`);
  return results;
}

export async function runTarget(target, ds, ctx, env) {
  if (target.rawQuery !== true) {
    throw new Error('InfluxQL query-builder targets cannot be checked: write the query in raw mode (rawQuery: true)');
  }
  if (!target.query?.trim()) throw new Error('empty query');
  const q = expandQuery(target.query, ctx);
  const results = await runInfluxQL(q, ds, env);
  const rows = results.reduce(
    (n, r) => n + (r.series ?? []).reduce((m, s) => m + (s.values?.length ?? 0), 0),
    0,
  );
  return { rows, query: q };
}

/** SHOW TAG VALUES → the "value" column; other queries → the first column that is not time. */
export async function variableValues(query, ds, ctx, env) {
  const q = expandQuery(typeof query === 'string' ? query : query?.query ?? '', ctx);
  const values = [];
  for (const r of await runInfluxQL(q, ds, env)) {
    for (const s of r.series ?? []) {
      const col = s.columns.includes('value') ? s.columns.indexOf('value') : s.columns.findIndex((c) => c !== 'time');
      for (const row of s.values ?? []) values.push({ value: String(row[col]), text: String(row[col]) });
    }
  }
  return { query: q, values };
}
