// ClickHouse over its HTTP interface, as grafana-clickhouse-datasource (protocol http) would query it.
import { expandQuery } from '../interpolate.mjs';
import { parseJson, request } from './http.mjs';

function database(ds, env) {
  return env.clickhouseDatabase ?? ds.jsonData.defaultDatabase ?? 'default';
}

/** Runs one SQL statement; returns the FORMAT JSON answer ({ meta, data, rows }). */
export async function runSql(sql, ds, env) {
  const statement = `${sql.trim().replace(/;+\s*$/, '')}\nFORMAT JSON`;
  const params = new URLSearchParams({ database: database(ds, env) });
  const res = await request(`${env.clickhouseUrl}/?${params}`, {
    method: 'POST',
    body: statement,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    timeoutMs: env.timeoutMs,
  });
  if (!res.ok) throw new Error(`ClickHouse HTTP ${res.status}: ${res.text.trim().slice(0, 2000)}`);
  return parseJson(res.text, 'ClickHouse');
}

export async function runTarget(target, ds, ctx, env) {
  if (target.editorType && target.editorType !== 'sql') {
    throw new Error(`editorType ${target.editorType}: only SQL-editor queries (rawSql) can be checked`);
  }
  if (!target.rawSql?.trim()) throw new Error('empty rawSql');
  const sql = expandQuery(target.rawSql, ctx);
  const answer = await runSql(sql, ds, env);
  return { rows: answer.rows ?? answer.data?.length ?? 0, query: sql };
}

/** A query variable's values: the first column (or __value / __text columns) of each row. */
export async function variableValues(query, ds, ctx, env) {
  const sql = expandQuery(typeof query === 'string' ? query : query?.rawSql ?? '', ctx);
  const answer = await runSql(sql, ds, env);
  const names = (answer.meta ?? []).map((c) => c.name);
  const valueCol = names.includes('__value') ? '__value' : names[0];
  const textCol = names.includes('__text') ? '__text' : valueCol;
  return {
    query: sql,
    values: (answer.data ?? []).map((row) => ({ value: String(row[valueCol]), text: String(row[textCol]) })),
  };
}
