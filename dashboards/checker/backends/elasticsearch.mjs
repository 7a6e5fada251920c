// Elasticsearch _search / _count built from a Grafana Elasticsearch target the way Grafana's
// Elasticsearch data source builds them: time-range filter + Lucene query string, bucket
// aggregations nested in order, metric aggregations inside the innermost bucket.
import { expandQuery, replaceVariables } from '../interpolate.mjs';
import { formatDuration, parseDuration } from '../time.mjs';
import { parseJson, request } from './http.mjs';

const RAW = new Set(['raw_data', 'raw_document', 'logs']);

function indexOf(ds, env) {
  const index = env.elasticsearchIndex ?? ds.jsonData.index ?? ds.database;
  if (!index) throw new Error(`data source ${ds.uid} has no index`);
  if (/\[.*\]/.test(index)) throw new Error(`index patterns with dates (${index}) are not supported by the check`);
  return index;
}

function timeField(target, ds) {
  return target.timeField || ds.jsonData.timeField || '@timestamp';
}

function filterQuery(target, ds, ctx) {
  const filter = [
    { range: { [timeField(target, ds)]: { gte: ctx.from, lte: ctx.to, format: 'epoch_millis' } } },
  ];
  const q = target.query?.trim() ? expandQuery(target.query, ctx) : '';
  if (q && q !== '*') filter.push({ query_string: { analyze_wildcard: true, query: q } });
  return { bool: { filter } };
}

const int = (v, fallback) => (v === undefined || v === '' ? fallback : Number(v));

function bucketAgg(agg, target, ds, ctx) {
  const s = agg.settings ?? {};
  switch (agg.type) {
    case 'date_histogram': {
      const interval = !s.interval || s.interval === 'auto'
        ? formatDuration(ctx.intervalMs)
        : replaceVariables(s.interval, ctx);
      if (!parseDuration(interval)) throw new Error(`date_histogram interval ${JSON.stringify(interval)} is not a duration`);
      return {
        date_histogram: {
          field: agg.field || timeField(target, ds),
          fixed_interval: interval,
          min_doc_count: int(s.min_doc_count, 0),
          extended_bounds: { min: ctx.from, max: ctx.to },
          format: 'epoch_millis',
          ...(s.offset ? { offset: s.offset } : {}),
          ...(s.timeZone && s.timeZone !== 'utc' ? { time_zone: s.timeZone } : {}),
        },
      };
    }
    case 'histogram':
      return { histogram: { field: agg.field, interval: int(s.interval, 1000), min_doc_count: int(s.min_doc_count, 0) } };
    case 'terms': {
      const orderBy = !s.orderBy || s.orderBy === '_term' ? '_key' : s.orderBy === '_count' ? '_count' : s.orderBy;
      const size = int(s.size, 10);
      return {
        terms: {
          field: agg.field,
          size: size === 0 ? 500 : size,
          order: { [orderBy]: s.order ?? 'desc' },
          min_doc_count: int(s.min_doc_count, 1),
          ...(s.missing ? { missing: s.missing } : {}),
        },
      };
    }
    case 'filters': {
      const filters = {};
      for (const f of s.filters ?? [{ query: '*', label: '' }]) {
        filters[f.label || f.query] = { query_string: { query: expandQuery(f.query || '*', ctx), analyze_wildcard: true } };
      }
      return { filters: { filters } };
    }
    case 'geohash_grid':
      return { geohash_grid: { field: agg.field, precision: int(s.precision, 3) } };
    case 'nested':
      return { nested: { path: agg.field } };
    default:
      throw new Error(`bucket aggregation ${agg.type} is not supported by the check`);
  }
}

function metricAgg(metric, metrics) {
  const s = metric.settings ?? {};
  const script = typeof s.script === 'string' ? s.script : s.script?.inline;
  const base = {
    ...(metric.field ? { field: metric.field } : {}),
    ...(script ? { script } : {}),
    ...(s.missing ? { missing: s.missing } : {}),
  };
  const bucketsPath = (id) => (metrics.find((m) => m.id === id)?.type === 'count' ? '_count' : id);
  switch (metric.type) {
    case 'avg':
    case 'sum':
    case 'min':
    case 'max':
      return { [metric.type]: base };
    case 'extended_stats':
      return { extended_stats: { ...base, ...(s.sigma ? { sigma: Number(s.sigma) } : {}) } };
    case 'percentiles':
      return { percentiles: { ...base, ...(s.percents ? { percents: s.percents.map(Number) } : {}) } };
    case 'cardinality':
      return { cardinality: { ...base, ...(s.precision_threshold ? { precision_threshold: Number(s.precision_threshold) } : {}) } };
    case 'rate':
      return { rate: { ...base, ...(s.unit ? { unit: s.unit } : {}), ...(s.mode ? { mode: s.mode } : {}) } };
    case 'top_metrics':
      return {
        top_metrics: {
          metrics: (s.metrics ?? []).map((field) => ({ field })),
          sort: [{ [s.orderBy]: s.order ?? 'desc' }],
        },
      };
    case 'derivative':
    case 'cumulative_sum':
    case 'serial_diff':
    case 'moving_fn':
      return { [metric.type]: { buckets_path: bucketsPath(metric.field), ...(metric.type === 'moving_fn' ? { window: int(s.window, 5), script: script ?? 'MovingFunctions.unweightedAvg(values)' } : {}) } };
    case 'moving_avg':
      throw new Error('moving_avg was removed from Elasticsearch 8: use moving_fn');
    case 'bucket_script': {
      const paths = {};
      for (const v of metric.pipelineVariables ?? []) paths[v.name] = bucketsPath(v.pipelineAgg);
      return { bucket_script: { buckets_path: paths, script } };
    }
    default:
      throw new Error(`metric ${metric.type} is not supported by the check`);
  }
}

/** Template variables in field names and settings (the Lucene query is expanded on its own). */
function interpolateFields(value, ctx) {
  if (typeof value === 'string') return replaceVariables(value, { ...ctx, dsType: 'elasticsearch-field' });
  if (Array.isArray(value)) return value.map((v) => interpolateFields(v, ctx));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateFields(v, ctx)]));
  }
  return value;
}

/** The request Grafana would send for one target: { api: '_search' | '_count', body }. */
export function buildRequest(target, ds, ctx) {
  const request = buildBody(target, ds, ctx);
  const left = JSON.stringify(request.body).match(/"\$\{?\w+/g);
  if (left) throw new Error(`not expanded: ${[...new Set(left.map((l) => l.slice(1)))].join(', ')} (unknown variable)`);
  return request;
}

function buildBody(target, ds, ctx) {
  const metrics = interpolateFields(target.metrics?.length ? target.metrics : [{ id: '1', type: 'count' }], ctx);
  const buckets = interpolateFields(target.bucketAggs ?? [], ctx);
  const query = filterQuery(target, ds, ctx);
  const raw = metrics.find((m) => RAW.has(m.type));
  if (raw) {
    const size = int(raw.settings?.size ?? raw.settings?.limit, 500);
    return {
      api: '_search',
      body: {
        size,
        query,
        sort: [{ [timeField(target, ds)]: { order: 'desc', unmapped_type: 'boolean' } }, { _doc: { order: 'desc' } }],
      },
      kind: 'hits',
    };
  }
  if (buckets.length === 0) {
    if (metrics.every((m) => m.type === 'count')) return { api: '_count', body: { query }, kind: 'count' };
    throw new Error('metrics without a bucket aggregation: Grafana needs a date_histogram or terms bucket');
  }
  const root = {};
  let level = root;
  for (const agg of buckets) {
    const node = bucketAgg(agg, target, ds, ctx);
    level[agg.id] = node;
    node.aggs = {};
    // terms ordered by a metric need that metric right below them
    const orderedBy = metrics.find((m) => m.id === agg.settings?.orderBy && m.type !== 'count');
    if (agg.type === 'terms' && orderedBy) node.aggs[orderedBy.id] = metricAgg(orderedBy, metrics);
    level = node.aggs;
  }
  // count needs no aggregation (doc_count); hidden metrics are still computed, as in Grafana.
  for (const m of metrics) {
    if (m.type !== 'count') level[m.id] = metricAgg(m, metrics);
  }
  dropEmptyAggs(root);
  return { api: '_search', body: { size: 0, query, aggs: root }, kind: 'buckets' };
}

function dropEmptyAggs(aggs) {
  for (const node of Object.values(aggs)) {
    if (node.aggs && Object.keys(node.aggs).length === 0) delete node.aggs;
    else if (node.aggs) dropEmptyAggs(node.aggs);
  }
}

/** Leaf buckets that hold documents: what Grafana turns into rows / points. */
function countLeafBuckets(aggs) {
  const bucketAggs = Object.values(aggs ?? {}).filter((a) => a && a.buckets);
  if (bucketAggs.length === 0) return null;
  let n = 0;
  for (const agg of bucketAggs) {
    const list = Array.isArray(agg.buckets) ? agg.buckets : Object.values(agg.buckets);
    for (const bucket of list) {
      const nested = countLeafBuckets(bucket);
      n += nested ?? (bucket.doc_count > 0 ? 1 : 0);
    }
  }
  return n;
}

async function send(api, body, ds, env) {
  const url = `${env.elasticsearchUrl}/${encodeURIComponent(indexOf(ds, env)).replace(/%2C/g, ',').replace(/%2A/g, '*')}/${api}?ignore_unavailable=true`;
  const res = await request(url, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
    timeoutMs: env.timeoutMs,
  });
  const answer = parseJson(res.text, 'Elasticsearch');
  if (!res.ok || answer.error) {
    const reason = answer.error?.root_cause?.[0]?.reason ?? answer.error?.reason ?? res.text.slice(0, 2000);
    throw new Error(`Elasticsearch HTTP ${res.status}: ${reason}`);
  }
  if (answer._shards?.failures?.length) {
    throw new Error(`Elasticsearch shard failure: ${answer._shards.failures[0].reason?.reason ?? JSON.stringify(answer._shards.failures[0])}`);
  }
  return answer;
}

export async function runTarget(target, ds, ctx, env) {
  const req = buildRequest(target, ds, ctx);
  const answer = await send(req.api, req.body, ds, env);
  let rows;
  if (req.kind === 'count') rows = answer.count ?? 0;
  else if (req.kind === 'hits') rows = answer.hits?.hits?.length ?? 0;
  else rows = countLeafBuckets(answer.aggregations) ?? 0;
  return { rows, query: `${req.api} ${JSON.stringify(req.body)}` };
}

/** {"find":"terms","field":…,"query":…,"size":…} → the terms; {"find":"fields"} → field names. */
export async function variableValues(query, ds, ctx, env) {
  const spec = typeof query === 'string' ? parseJson(replaceVariables(query, { ...ctx, dsType: 'elasticsearch' }), 'variable query') : query;
  if (spec.find === 'fields') {
    const res = await request(`${env.elasticsearchUrl}/${indexOf(ds, env)}/_mapping`, { timeoutMs: env.timeoutMs });
    const mapping = parseJson(res.text, 'Elasticsearch');
    if (!res.ok) throw new Error(`Elasticsearch HTTP ${res.status}: ${res.text.slice(0, 500)}`);
    const names = [];
    const walk = (props, prefix) => {
      for (const [k, v] of Object.entries(props ?? {})) {
        if (v.properties) walk(v.properties, `${prefix}${k}.`);
        else if (!spec.type || v.type === spec.type) names.push(`${prefix}${k}`);
      }
    };
    for (const idx of Object.values(mapping)) walk(idx.mappings?.properties, '');
    return { query: JSON.stringify(spec), values: [...new Set(names)].map((n) => ({ value: n, text: n })) };
  }
  if (spec.find !== 'terms') throw new Error(`variable query find=${spec.find} is not supported by the check`);
  const body = {
    size: 0,
    query: filterQuery({ query: spec.query ?? '' }, ds, ctx),
    aggs: { 1: { terms: { field: spec.field, size: Number(spec.size ?? 500), order: { [spec.orderBy === 'doc_count' ? '_count' : '_key']: spec.order ?? (spec.orderBy === 'doc_count' ? 'desc' : 'asc') } } } },
  };
  const answer = await send('_search', body, ds, env);
  const values = (answer.aggregations?.['1']?.buckets ?? []).map((b) => ({
    value: String(b.key_as_string ?? b.key),
    text: String(b.key_as_string ?? b.key),
  }));
  return { query: JSON.stringify(body), values };
}
