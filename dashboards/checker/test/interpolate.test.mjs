import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandClickHouseMacros, expandQuery, formatValue, replaceVariables } from '../interpolate.mjs';

const FROM = Date.UTC(2026, 10, 1, 10, 0, 0); // 2026-11-01T10:00:00Z
const TO = Date.UTC(2026, 10, 1, 11, 0, 0);
const vars = (entries) => new Map(entries.map(([name, value, extra = {}]) => [name, { name, value, text: value, ...extra }]));
const ctx = (dsType, variables = new Map()) => ({ from: FROM, to: TO, intervalMs: 60_000, variables, dsType, dashboard: { title: 'D' } });

describe('template variables', () => {
  it('replaces $var, ${var} and [[var]]', () => {
    const c = ctx('influxdb', vars([['metric', 'cpu']]));
    assert.equal(replaceVariables('$metric ${metric} [[metric]]', c), 'cpu cpu cpu');
  });

  it('leaves unknown names alone, as Grafana does', () => {
    assert.equal(replaceVariables('$nope ${nope}', ctx('influxdb')), '$nope ${nope}');
  });

  it('applies formats', () => {
    assert.equal(formatValue("it's", 'sqlstring'), "'it''s'");
    assert.equal(formatValue("it's", 'singlequote'), "'it\\'s'");
    assert.equal(formatValue(['a', 'b'], 'sqlstring'), "'a','b'");
    assert.equal(formatValue(['a', 'b'], 'regex'), '(a|b)');
    assert.equal(formatValue('a.b', 'regex'), 'a\\.b');
    assert.equal(formatValue(['a', 'b'], 'lucene'), '("a" OR "b")');
    assert.equal(formatValue('a b', 'lucene'), 'a\\ b');
    assert.equal(formatValue(['a', 'b'], 'pipe'), 'a|b');
    assert.equal(formatValue(['a', 'b'], 'json'), '["a","b"]');
    assert.throws(() => formatValue('a', 'nonsense'), /unsupported variable format/);
  });

  it('uses the lucene format by default for Elasticsearch', () => {
    assert.equal(replaceVariables('service:$s', ctx('elasticsearch', vars([['s', 'a b']]))), 'service:a\\ b');
  });

  it('expands global variables', () => {
    const c = ctx('grafana-clickhouse-datasource');
    assert.equal(replaceVariables('$__from $__to', c), `${FROM} ${TO}`);
    assert.equal(replaceVariables('${__from:date:seconds}', c), String(FROM / 1000));
    assert.equal(replaceVariables('${__to:date:iso}', c), '2026-11-01T11:00:00.000Z');
    assert.equal(replaceVariables('$__interval $__interval_ms $__range_s', c), '1m 60000 3600');
  });

  it('expands InfluxQL $timeFilter only for InfluxDB', () => {
    assert.equal(replaceVariables('$timeFilter', ctx('influxdb')), `time >= ${FROM}ms and time <= ${TO}ms`);
    assert.equal(replaceVariables('$timeFilter', ctx('elasticsearch')), '$timeFilter');
  });

  it('reports a variable that could not be resolved', () => {
    const c = ctx('influxdb', new Map([['v', { name: 'v', error: 'no values' }]]));
    assert.throws(() => replaceVariables('$v', c), /variable \$v: no values/);
  });
});

describe('ClickHouse macros', () => {
  const c = ctx('grafana-clickhouse-datasource');
  const s = FROM / 1000;
  const e = TO / 1000;

  it('expands them as the plugin does', () => {
    assert.equal(expandClickHouseMacros('$__timeFilter(ts)', c), `ts >= toDateTime(${s}) AND ts <= toDateTime(${e})`);
    assert.equal(expandClickHouseMacros('$__timeFilter_ms(ts)', c), `ts >= fromUnixTimestamp64Milli(${FROM}) AND ts <= fromUnixTimestamp64Milli(${TO})`);
    assert.equal(expandClickHouseMacros('$__fromTime/$__toTime', c), `toDateTime(${s})/toDateTime(${e})`);
    assert.equal(expandClickHouseMacros('$__dateFilter(d)', c), "d >= toDate('2026-11-01') AND d <= toDate('2026-11-01')");
    assert.equal(expandClickHouseMacros('$__timeInterval(ts)', c), 'toStartOfInterval(toDateTime(ts), INTERVAL 60 second)');
    assert.equal(expandClickHouseMacros('$__interval_s', c), '60');
  });

  it('accepts arguments with parentheses', () => {
    assert.equal(
      expandClickHouseMacros('$__timeFilter(toDateTime(ts, \'UTC\'))', c),
      `toDateTime(ts, 'UTC') >= toDateTime(${s}) AND toDateTime(ts, 'UTC') <= toDateTime(${e})`,
    );
    assert.match(expandClickHouseMacros('$__dateTimeFilter(d, toDateTime(t))', c), /\(d >= .*\) AND \(toDateTime\(t\) >= /);
  });

  it('rejects unknown macros and wrong arity', () => {
    assert.throws(() => expandClickHouseMacros('$__timeGroupz(ts)', c), /unsupported macro \$__timeGroupz/);
    assert.throws(() => expandClickHouseMacros('$__timeFilter()', c), /expects 1 argument/);
    assert.throws(() => expandClickHouseMacros('$__timeFilter(ts', c), /unbalanced/);
  });

  it('expands variables before macros, like Grafana (frontend) then the plugin (backend)', () => {
    const withVar = ctx('grafana-clickhouse-datasource', vars([['col', 'minute']]));
    assert.equal(expandQuery('$__timeInterval($col)', withVar), 'toStartOfInterval(toDateTime(minute), INTERVAL 60 second)');
  });

  it('refuses to send what it could not expand', () => {
    assert.throws(() => expandQuery('SELECT ${missing:sqlstring}', c), /not expanded: \$\{missing:sqlstring\}/);
  });
});
