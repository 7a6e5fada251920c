// Template variables, Grafana's global variables and data source macros, expanded as Grafana and
// the data source plugins do before a query reaches the backend.
import { formatDuration } from './time.mjs';

// Grafana's variable syntaxes: $name, [[name:format]], ${name.fieldPath:format}
const VARIABLE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

const luceneEscape = (v) => v.replace(/([!*+\-=<>\s&|()[\]{}^~?:\\/"])/g, '\\$1');
const regexEscape = (v) => v.replace(/[\\^$*+?.()|[\]{}/]/g, '\\$&');
const asList = (v) => (Array.isArray(v) ? v : [v]).map(String);

/** Grafana's variable formats (https://grafana.com/docs/grafana/latest/dashboards/variables/variable-syntax/). */
export function formatValue(value, format, variable = {}) {
  const list = asList(value);
  const multi = Array.isArray(value) && value.length > 1;
  switch (format) {
    case undefined:
    case null:
    case '':
    case 'raw':
    case 'csv':
    case 'distributed':
      return list.join(',');
    case 'text':
      return asList(variable.text ?? value).join(' + ');
    case 'singlequote':
      return list.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(',');
    case 'doublequote':
      return list.map((v) => `"${v.replace(/"/g, '\\"')}"`).join(',');
    case 'sqlstring':
      return list.map((v) => `'${v.replace(/'/g, "''")}'`).join(',');
    case 'pipe':
      return list.join('|');
    case 'json':
      return JSON.stringify(Array.isArray(value) ? list : list[0]);
    case 'lucene':
      return multi ? `(${list.map((v) => `"${luceneEscape(v)}"`).join(' OR ')})` : luceneEscape(list[0]);
    case 'regex':
      return multi ? `(${list.map(regexEscape).join('|')})` : regexEscape(list[0]);
    case 'glob':
      return multi ? `{${list.join(',')}}` : list[0];
    case 'percentencode':
      return list.map(encodeURIComponent).join(',');
    case 'queryparam':
      return list.map((v) => `var-${variable.name}=${encodeURIComponent(v)}`).join('&');
    default:
      throw new Error(`unsupported variable format :${format}`);
  }
}

function formatTime(ms, format) {
  if (!format) return String(ms);
  const [kind, arg] = format.split(':');
  if (kind !== 'date') throw new Error(`unsupported format :${format} for a time variable`);
  if (!arg || arg === 'iso') return new Date(ms).toISOString();
  if (arg === 'seconds') return String(Math.floor(ms / 1000));
  throw new Error(`unsupported date format :${format}`);
}

/**
 * Values of Grafana's global variables for one panel query.
 * ctx: { from, to, intervalMs, dashboard: { uid, title }, dsType }
 */
function globalVariable(name, format, ctx) {
  const range = ctx.to - ctx.from;
  switch (name) {
    case '__from': return formatTime(ctx.from, format);
    case '__to': return formatTime(ctx.to, format);
    case '__interval': return formatDuration(ctx.intervalMs);
    case '__interval_ms': return String(ctx.intervalMs);
    case '__rate_interval': return formatDuration(Math.max(4 * ctx.intervalMs, ctx.intervalMs + 15000));
    case '__rate_interval_ms': return String(Math.max(4 * ctx.intervalMs, ctx.intervalMs + 15000));
    case '__range': return `${Math.round(range / 1000)}s`;
    case '__range_s': return String(Math.round(range / 1000));
    case '__range_ms': return String(range);
    case '__dashboard': return ctx.dashboard?.title ?? '';
    case '__org': return 'Main Org.';
    case '__user': return 'admin';
    case '__timezone': return 'utc';
    default: break;
  }
  if (ctx.dsType === 'influxdb') {
    if (name === 'timeFilter') return `time >= ${ctx.from}ms and time <= ${ctx.to}ms`;
    if (name === 'interval') return formatDuration(ctx.intervalMs);
  }
  return undefined;
}

/** The format a data source applies when a query names none. */
function defaultFormat(ctx, variable) {
  if (ctx.dsType === 'elasticsearch') return 'lucene';
  if (ctx.dsType === 'influxdb' && (variable.multi || variable.includeAll)) return 'regex';
  return 'raw';
}

/**
 * Replaces template variables (ctx.variables: name → { name, value, text, multi, includeAll }) and
 * global variables. Unknown names are left as they are, as Grafana does.
 */
export function replaceVariables(text, ctx) {
  return String(text).replace(VARIABLE, (match, plain, bracket, bracketFormat, braced, fieldPath, bracedFormat) => {
    const name = plain ?? bracket ?? braced;
    const format = bracketFormat ?? bracedFormat;
    const variable = ctx.variables?.get(name);
    if (variable) {
      if (variable.error) throw new Error(`variable $${name}: ${variable.error}`);
      return formatValue(variable.value, format ?? defaultFormat(ctx, variable), variable);
    }
    const global = globalVariable(name, format, ctx);
    return global ?? match;
  });
}

// grafana-clickhouse-datasource's macros (pkg/macros in the plugin), expanded by its backend.
const seconds = (ms) => Math.floor(ms / 1000);
const toDate = (ms) => `toDate('${new Date(ms).toISOString().slice(0, 10)}')`;
const CLICKHOUSE_MACROS = {
  fromTime: (c) => `toDateTime(${seconds(c.from)})`,
  toTime: (c) => `toDateTime(${seconds(c.to)})`,
  fromTime_ms: (c) => `fromUnixTimestamp64Milli(${c.from})`,
  toTime_ms: (c) => `fromUnixTimestamp64Milli(${c.to})`,
  timeFilter: (c, [col]) => `${col} >= toDateTime(${seconds(c.from)}) AND ${col} <= toDateTime(${seconds(c.to)})`,
  timeFilter_ms: (c, [col]) => `${col} >= fromUnixTimestamp64Milli(${c.from}) AND ${col} <= fromUnixTimestamp64Milli(${c.to})`,
  dateFilter: (c, [col]) => `${col} >= ${toDate(c.from)} AND ${col} <= ${toDate(c.to)}`,
  dateTimeFilter: (c, [d, t]) =>
    `(${d} >= ${toDate(c.from)} AND ${d} <= ${toDate(c.to)}) AND (${t} >= toDateTime(${seconds(c.from)}) AND ${t} <= toDateTime(${seconds(c.to)}))`,
  timeInterval: (c, [col]) => `toStartOfInterval(toDateTime(${col}), INTERVAL ${Math.max(seconds(c.intervalMs), 1)} second)`,
  timeInterval_ms: (c, [col]) => `toStartOfInterval(toDateTime64(${col}, 3), INTERVAL ${Math.max(c.intervalMs, 1)} millisecond)`,
  interval_s: (c) => String(Math.max(seconds(c.intervalMs), 1)),
};
CLICKHOUSE_MACROS.dt = CLICKHOUSE_MACROS.dateTimeFilter;
const MACRO_ARITY = { timeFilter: 1, timeFilter_ms: 1, dateFilter: 1, dateTimeFilter: 2, dt: 2, timeInterval: 1, timeInterval_ms: 1 };

/** Splits "a, f(b, c)" at top-level commas. */
function splitArgs(text) {
  const args = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === ',' && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    if (ch === '(') depth += 1;
    if (ch === ')') depth -= 1;
    current += ch;
  }
  if (current.trim()) args.push(current.trim());
  return args;
}

/** Expands $__macro and $__macro(args…), arguments may hold parentheses: $__timeFilter(toDate(ts)). */
export function expandClickHouseMacros(sql, ctx) {
  let out = '';
  let i = 0;
  const re = /\$__(\w+)/g;
  for (let m = re.exec(sql); m; m = re.exec(sql)) {
    const name = m[1];
    const macro = CLICKHOUSE_MACROS[name];
    if (!macro) {
      throw new Error(
        `unsupported macro $__${name} (ClickHouse macros: ${Object.keys(CLICKHOUSE_MACROS).map((k) => `$__${k}`).join(', ')})`,
      );
    }
    let end = re.lastIndex;
    let args = [];
    if (sql[end] === '(') {
      let depth = 0;
      let j = end;
      for (; j < sql.length; j++) {
        if (sql[j] === '(') depth += 1;
        else if (sql[j] === ')' && --depth === 0) break;
      }
      if (depth !== 0) throw new Error(`unbalanced parentheses after $__${name}`);
      args = splitArgs(sql.slice(end + 1, j));
      end = j + 1;
    }
    const arity = MACRO_ARITY[name] ?? 0;
    if (args.length !== arity) throw new Error(`macro $__${name} expects ${arity} argument(s), got ${args.length}`);
    out += sql.slice(i, m.index) + macro(ctx, args);
    i = end;
    re.lastIndex = end;
  }
  return out + sql.slice(i);
}

/** What is left unexpanded and would reach the backend as text: a mistake in the dashboard. */
export function leftovers(text) {
  return [...String(text).matchAll(/\$__\w+|\$\{[^}]*\}|\[\[\w+(?::\w+)?\]\]/g)].map((m) => m[0]);
}

/** Expands everything Grafana would expand in a query text for the given data source type. */
export function expandQuery(text, ctx) {
  let out = replaceVariables(text, ctx);
  if (ctx.dsType === 'grafana-clickhouse-datasource') out = expandClickHouseMacros(out, ctx);
  const left = leftovers(out);
  if (left.length) throw new Error(`not expanded: ${[...new Set(left)].join(', ')} (unknown variable or macro)`);
  return out;
}
