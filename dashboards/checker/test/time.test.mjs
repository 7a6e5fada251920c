import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDuration, panelTiming, parseDuration, parseTime, roundInterval } from '../time.mjs';

const NOW = Date.UTC(2026, 10, 18, 15, 42, 17); // a Wednesday

describe('time expressions', () => {
  it('parses relative times with rounding', () => {
    assert.equal(parseTime('now', NOW), NOW);
    assert.equal(parseTime('now-1h', NOW), NOW - 3_600_000);
    assert.equal(parseTime('now-7d', NOW), NOW - 7 * 86_400_000);
    assert.equal(parseTime('now/d', NOW), Date.UTC(2026, 10, 18));
    assert.equal(parseTime('now-1d/d', NOW), Date.UTC(2026, 10, 17));
    assert.equal(parseTime('now/w', NOW), Date.UTC(2026, 10, 16));
    assert.equal(parseTime('now/M', NOW), Date.UTC(2026, 10, 1));
  });

  it('parses absolute times and rejects nonsense', () => {
    assert.equal(parseTime('2026-11-01T00:00:00Z', NOW), Date.UTC(2026, 10, 1));
    assert.equal(parseTime('1700000000000', NOW), 1700000000000);
    assert.throws(() => parseTime('now-1x', NOW), /cannot parse/);
    assert.throws(() => parseTime('yesterday', NOW), /cannot parse/);
  });
});

describe('intervals', () => {
  it('parses and formats durations', () => {
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('>1m'), 60_000);
    assert.equal(parseDuration('1x'), null);
    assert.equal(formatDuration(60_000), '1m');
    assert.equal(formatDuration(90_000), '90s');
    assert.equal(formatDuration(500), '500ms');
  });

  it('rounds like Grafana', () => {
    assert.equal(roundInterval(3374), 2000);
    assert.equal(roundInterval(50_000), 60_000);
    assert.equal(roundInterval(100_000), 120_000);
  });

  it('keeps the panel minimum interval', () => {
    const range = { from: NOW - 3_600_000, to: NOW };
    assert.equal(panelTiming(range, { gridPos: { w: 24 } }, null).intervalMs, 2000);
    assert.equal(panelTiming(range, { gridPos: { w: 24 }, interval: '1m' }, null).intervalMs, 60_000);
    assert.equal(panelTiming(range, { gridPos: { w: 24 } }, { jsonData: { timeInterval: '1m' } }).intervalMs, 60_000);
  });

  it('applies timeFrom and timeShift', () => {
    const range = { from: NOW - 86_400_000, to: NOW };
    const t = panelTiming(range, { timeFrom: '1h', timeShift: '1d' }, null);
    assert.equal(t.to, NOW - 86_400_000);
    assert.equal(t.from, NOW - 86_400_000 - 3_600_000);
  });
});
