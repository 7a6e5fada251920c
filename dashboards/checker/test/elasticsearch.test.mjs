import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildRequest } from '../backends/elasticsearch.mjs';

const ds = { uid: 'es', jsonData: { index: 'logs-*', timeField: '@timestamp' } };
const ctx = { from: 1000, to: 2000, intervalMs: 30_000, variables: new Map([['svc', { name: 'svc', value: 'api' }]]), dsType: 'elasticsearch' };

describe('Elasticsearch requests', () => {
  it('nests buckets in order with metrics in the innermost one', () => {
    const req = buildRequest(
      {
        refId: 'A',
        query: 'service.name:$svc',
        metrics: [{ id: '1', type: 'count' }, { id: '3', type: 'avg', field: 'duration' }],
        bucketAggs: [
          { id: '4', type: 'terms', field: 'log.level', settings: { size: '5', orderBy: '_count' } },
          { id: '2', type: 'date_histogram', field: '@timestamp', settings: { interval: 'auto' } },
        ],
      },
      ds,
      ctx,
    );
    assert.equal(req.api, '_search');
    assert.deepEqual(req.body.query.bool.filter, [
      { range: { '@timestamp': { gte: 1000, lte: 2000, format: 'epoch_millis' } } },
      { query_string: { analyze_wildcard: true, query: 'service.name:api' } },
    ]);
    const terms = req.body.aggs['4'];
    assert.deepEqual(terms.terms, { field: 'log.level', size: 5, order: { _count: 'desc' }, min_doc_count: 1 });
    const histogram = terms.aggs['2'];
    assert.equal(histogram.date_histogram.fixed_interval, '30s');
    assert.deepEqual(histogram.aggs, { 3: { avg: { field: 'duration' } } });
  });

  it('uses _count for a plain count and hits for raw documents', () => {
    assert.equal(buildRequest({ refId: 'A', metrics: [{ id: '1', type: 'count' }], bucketAggs: [] }, ds, ctx).api, '_count');
    const logs = buildRequest({ refId: 'A', metrics: [{ id: '1', type: 'logs', settings: { limit: '50' } }], bucketAggs: [] }, ds, ctx);
    assert.equal(logs.body.size, 50);
    assert.equal(logs.kind, 'hits');
  });

  it('points pipeline aggregations at _count for count metrics', () => {
    const req = buildRequest(
      {
        refId: 'A',
        metrics: [{ id: '1', type: 'count' }, { id: '5', type: 'derivative', field: '1' }],
        bucketAggs: [{ id: '2', type: 'date_histogram', settings: { interval: '1m' } }],
      },
      ds,
      ctx,
    );
    assert.deepEqual(req.body.aggs['2'].aggs['5'], { derivative: { buckets_path: '_count' } });
  });

  it('expands variables in fields and refuses unknown ones', () => {
    const req = buildRequest(
      { refId: 'A', metrics: [{ id: '1', type: 'count' }], bucketAggs: [{ id: '2', type: 'terms', field: '$svc' }] },
      ds,
      ctx,
    );
    assert.equal(req.body.aggs['2'].terms.field, 'api');
    assert.throws(
      () => buildRequest({ refId: 'A', metrics: [{ id: '1', type: 'avg', field: '$nope' }], bucketAggs: [{ id: '2', type: 'date_histogram' }] }, ds, ctx),
      /not expanded: \$nope/,
    );
  });

  it('rejects intervals that are not durations', () => {
    assert.throws(
      () => buildRequest({ refId: 'A', metrics: [], bucketAggs: [{ id: '2', type: 'date_histogram', settings: { interval: 'banana' } }] }, ds, ctx),
      /not a duration/,
    );
  });
});
