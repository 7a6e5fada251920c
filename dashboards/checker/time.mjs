// Time ranges and intervals the way Grafana computes them for a panel query.

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_592_000_000, y: 31_536_000_000 };

/** "30s", "1m", "1h" … → milliseconds (null when not a duration). A leading ">" (minimum) is allowed. */
export function parseDuration(text) {
  const m = String(text ?? '').trim().replace(/^>/, '').match(/^(\d+(?:\.\d+)?)(ms|s|m|h|d|w|M|y)$/);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : null;
}

function startOf(ms, unit) {
  const d = new Date(ms);
  switch (unit) {
    case 'y': return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'M': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'w': { const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); return day - ((d.getUTCDay() + 6) % 7) * UNIT_MS.d; }
    default: return Math.floor(ms / UNIT_MS[unit]) * UNIT_MS[unit];
  }
}

/**
 * Grafana's time expressions: "now", "now-1h", "now-7d/d", "now/d", an ISO date or epoch millis.
 * Calendar rounding is done in UTC.
 */
export function parseTime(text, now) {
  const s = String(text).trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.startsWith('now')) {
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw new Error(`cannot parse time ${JSON.stringify(text)}`);
    return t;
  }
  let t = now;
  const re = /([+-])(\d+)(ms|s|m|h|d|w|M|y)|\/(s|m|h|d|w|M|y)/g;
  const rest = s.slice(3);
  let consumed = 0;
  for (const m of rest.matchAll(re)) {
    if (m.index !== consumed) break;
    consumed += m[0].length;
    if (m[4]) t = startOf(t, m[4]);
    else t += (m[1] === '-' ? -1 : 1) * Number(m[2]) * UNIT_MS[m[3]];
  }
  if (consumed !== rest.length) throw new Error(`cannot parse time ${JSON.stringify(text)}`);
  return t;
}

// Grafana's rangeutil.roundInterval: round a raw interval to a "nice" one.
const ROUNDING = [
  [15, 10], [35, 20], [75, 50], [150, 100], [350, 200], [750, 500], [1500, 1000], [3500, 2000],
  [7500, 5000], [12500, 10000], [17500, 15000], [25000, 20000], [45000, 30000], [90000, 60000],
  [210000, 120000], [450000, 300000], [750000, 600000], [1050000, 900000], [1500000, 1200000],
  [2700000, 1800000], [5400000, 3600000], [9000000, 7200000], [16200000, 10800000],
  [24300000, 21600000], [54000000, 43200000], [129600000, 86400000], [604800000, 86400000 * 7],
  [Infinity, 86400000 * 30],
];

export function roundInterval(ms) {
  for (const [limit, value] of ROUNDING) if (ms <= limit) return value;
  return ms;
}

/** 60000 → "1m", 30000 → "30s", 500 → "500ms": Grafana's (and InfluxQL's) duration notation. */
export function formatDuration(ms) {
  for (const unit of ['y', 'w', 'd', 'h', 'm', 's']) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/**
 * The time range and $__interval Grafana would use for a panel: the dashboard range, shifted by
 * the panel's timeFrom / timeShift, and an interval of range / max data points, rounded, never
 * below the panel's (or the data source's) minimum interval.
 */
export function panelTiming(range, panel, datasource) {
  let { from, to } = range;
  const timeFrom = parseDuration(panel.timeFrom);
  if (timeFrom) from = to - timeFrom;
  const shift = parseDuration(panel.timeShift);
  if (shift) {
    from -= shift;
    to -= shift;
  }
  const width = panel.gridPos?.w ?? 24;
  const maxDataPoints = panel.maxDataPoints ?? Math.max(100, Math.round((width / 24) * 1600));
  let intervalMs = roundInterval((to - from) / maxDataPoints);
  const lowLimit = parseDuration(panel.interval) ?? parseDuration(datasource?.jsonData?.timeInterval);
  if (lowLimit && intervalMs < lowLimit) intervalMs = lowLimit;
  return { from, to, intervalMs, maxDataPoints };
}
