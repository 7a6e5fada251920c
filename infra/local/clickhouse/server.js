'use strict';
// The ClickHouse HTTP interface in front of chDB (the ClickHouse engine as a library), for the
// local stack: clients (client-v2, JDBC, curl, Grafana's plugin) talk to it as to a server.
//
//   node server.js --data DIR      (host, port and temp folder from CLICKHOUSE_FRONT_* variables)
//
// What it speaks: the query in `?query=` or the POST body; `INSERT ... FORMAT f` with the rows in
// the body, any format, binary ones included (the body goes to a temp file, read back with
// `FROM INFILE`); `default_format` / `X-ClickHouse-Format`; `param_*`; `database`; `query_id`;
// other URL parameters as settings (unknown ones ignored); gzip/deflate request bodies and, with
// `enable_http_compression=1`, responses; `X-ClickHouse-*` response headers; errors as
// `Code: N. DB::Exception: ...` with `X-ClickHouse-Exception-Code`; `GET /ping`. One query at a
// time: chDB has one session, kept in DIR so tables survive a restart. ClickHouse's own block
// compression (`compress=1` / `decompress=1`, the clients' default) is spoken too, see
// native-compression.js.

const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { Session } = require('chdb');
const { compressBlocks, decompressBlocks } = require('./native-compression');

const HOST = process.env.CLICKHOUSE_FRONT_HOST || '127.0.0.1';
const PORT = Number(process.env.CLICKHOUSE_FRONT_PORT || 8123);
const argData = process.argv.indexOf('--data');
const DATA_DIR = path.resolve(argData > 0 ? process.argv[argData + 1] : (process.env.CLICKHOUSE_FRONT_DATA || 'data'));
const TMP_DIR = path.resolve(process.env.CLICKHOUSE_FRONT_TMP || os.tmpdir());
const DISPLAY_NAME = process.env.CLICKHOUSE_FRONT_DISPLAY_NAME || 'guardian-local';
const MAX_BODY_BYTES = Number(process.env.CLICKHOUSE_FRONT_MAX_BODY_BYTES || 1024 * 1024 * 1024);

// URL parameters that belong to the HTTP interface, not to the query's settings.
const HTTP_ONLY = new Set([
  'query', 'database', 'default_format', 'query_id', 'session_id', 'session_timeout', 'session_check',
  'user', 'password', 'quota_key', 'compress', 'decompress', 'buffer_size', 'wait_end_of_query',
  'stacktrace', 'role', 'client_protocol_version', 'add_http_cors_header', 'enable_http_compression',
  'http_zlib_compression_level', 'send_progress_in_http_headers', 'http_headers_progress_interval_ms',
  'http_wait_end_of_query', 'http_response_buffer_size', 'session_timezone_check', 'readonly',
]);

const ERROR_NAMES = { 1001: 'STD_EXCEPTION', 115: 'UNKNOWN_SETTING', 62: 'SYNTAX_ERROR' };

fs.mkdirSync(DATA_DIR, { recursive: true });
fs.mkdirSync(TMP_DIR, { recursive: true });
const session = new Session(DATA_DIR);

let serverVersion = 'unknown';
let serverTimezone = 'UTC';

// ------------------------------------------------------------------ one query at a time

let queue = Promise.resolve();
function serialised(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

// ------------------------------------------------------------------ errors

class ClickHouseError extends Error {
  constructor(code, message) {
    super(message);
    this.clickhouseCode = code;
  }
}

function asClickHouseError(e) {
  if (e instanceof ClickHouseError) return e;
  const text = String((e && e.message) || e);
  let code = e && Number(e.clickhouseCode);
  const m = /^Code: (\d+)\./.exec(text);
  if (!code && m) code = Number(m[1]);
  if (!code) code = 1001;
  return new ClickHouseError(code, text);
}

function errorBody(err) {
  let text = err.message.trim();
  if (!/^Code: \d+\./.test(text)) {
    const name = ERROR_NAMES[err.clickhouseCode];
    text = `Code: ${err.clickhouseCode}. DB::Exception: ${text}${name ? ` (${name})` : ''}`;
  }
  if (!/\(version [^)]*\)$/.test(text)) text += ` (version ${serverVersion})`;
  return text + '\n';
}

// The HTTP status ClickHouse itself answers for the usual error codes; 500 for the rest.
function httpStatusOf(code) {
  if ([516, 194, 192].includes(code)) return 403;
  if ([62, 27, 6, 38, 41, 69, 72, 53, 117, 26, 36, 43, 47, 46, 115, 456, 457].includes(code)) return 400;
  if ([60, 81, 16, 10].includes(code)) return 404;
  return 500;
}

// ------------------------------------------------------------------ SQL helpers

const sqlString = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const quoteIdent = (s) => '`' + String(s).replace(/\\/g, '\\\\').replace(/`/g, '\\`') + '`';

// Strips leading comments and whitespace, so the statement's first keyword can be looked at.
function leadingKeywordText(sql) {
  let s = sql;
  for (;;) {
    const t = s.replace(/^\s+/, '');
    if (t.startsWith('--')) { const nl = t.indexOf('\n'); s = nl < 0 ? '' : t.slice(nl + 1); continue; }
    if (t.startsWith('/*')) { const end = t.indexOf('*/'); s = end < 0 ? '' : t.slice(end + 2); continue; }
    return t;
  }
}

const isInsert = (sql) => /^INSERT\b/i.test(leadingKeywordText(sql));

// `INSERT INTO t [(cols)] [SETTINGS ...] FORMAT f` (the data follows elsewhere)
const INSERT_WITH_FORMAT = /^([\s\S]*?)(\s+SETTINGS\s+[\s\S]*?)?\s+FORMAT\s+([A-Za-z0-9_]+)\s*;?\s*$/i;

// The output format a SELECT names itself (`... FORMAT JSON`), if any.
function trailingFormat(sql) {
  const m = /\bFORMAT\s+([A-Za-z0-9_]+)\s*(?:SETTINGS\s+[\s\S]*?)?;?\s*$/i.exec(sql);
  return m ? m[1] : null;
}

function contentTypeOf(format) {
  const f = format.toLowerCase();
  if (f.startsWith('tabseparated') || f.startsWith('tsv')) return 'text/tab-separated-values; charset=UTF-8';
  if (f.startsWith('csv')) return 'text/csv; charset=UTF-8; header=' + (f.includes('withnames') ? 'present' : 'absent');
  if (f.includes('eachrow') && f.startsWith('json')) return 'application/x-ndjson; charset=UTF-8';
  if (f.startsWith('json')) return 'application/json; charset=UTF-8';
  if (/^(rowbinary|native|parquet|arrow|orc|avro|protobuf|msgpack|capnproto|bsoneachrow|npy)/.test(f)) return 'application/octet-stream';
  return 'text/plain; charset=UTF-8';
}

// ------------------------------------------------------------------ request handling

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let stream = req;
    const enc = String(req.headers['content-encoding'] || '').toLowerCase();
    if (enc === 'gzip') stream = req.pipe(zlib.createGunzip());
    else if (enc === 'deflate') stream = req.pipe(zlib.createInflate());
    else if (enc === 'br') stream = req.pipe(zlib.createBrotliDecompress());
    else if (enc && enc !== 'identity') {
      reject(new ClickHouseError(1001, `Unsupported Content-Encoding '${enc}' in the local ClickHouse front`));
      return;
    }
    stream.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) { reject(new ClickHouseError(1001, 'Request body too large')); req.destroy(); return; }
      chunks.push(c);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', (e) => reject(new ClickHouseError(1001, `Cannot read request body: ${e.message}`)));
  });
}

async function applySettings(settings) {
  const applied = [];
  for (const [name, value] of settings) {
    if (!/^[A-Za-z0-9_]+$/.test(name)) continue;
    try {
      await session.queryAsync(`SET ${name} = ${sqlString(value)}`, { format: 'TSV' });
      applied.push(name);
    } catch (e) {
      const err = asClickHouseError(e);
      if (err.clickhouseCode === 115) continue; // an HTTP-only or unknown name: ignored, like the server does for its own
      await resetSettings(applied);
      throw err;
    }
  }
  return applied;
}

async function resetSettings(names) {
  for (const name of names) {
    try { await session.queryAsync(`SET ${name} = DEFAULT`, { format: 'TSV' }); } catch (e) { /* keep going */ }
  }
}

// Runs one request's statement; returns { body: Buffer, format, summary }.
async function execute({ sql, data, database, format, params, settings }) {
  await session.queryAsync(`USE ${quoteIdent(database)}`, { format: 'TSV' });
  const applied = await applySettings(settings);
  let tmpFile = null;
  try {
    let statement = sql;
    if (data && data.length > 0) {
      const m = isInsert(sql) ? INSERT_WITH_FORMAT.exec(sql) : null;
      if (m && !/\bFROM\s+INFILE\b/i.test(m[1])) {
        // Rows in the body, in any format: handed to the engine as a file, byte for byte.
        tmpFile = path.join(TMP_DIR, `insert-${process.pid}-${crypto.randomUUID()}.bin`);
        fs.writeFileSync(tmpFile, data);
        statement = `${m[1]} FROM INFILE ${sqlString(tmpFile)}${m[2] || ''} FORMAT ${m[3]}`;
      } else {
        statement = sql + '\n' + data.toString('utf8');
      }
    }
    const outFormat = trailingFormat(statement.replace(/\bFROM\s+INFILE\s+'[^']*'/i, '')) || format;
    const started = process.hrtime.bigint();
    const hasParams = Object.keys(params).length > 0;
    const result = hasParams
      ? await session.queryBindAsync(statement, params, { format: format })
      : await session.queryAsync(statement, { format: format });
    const elapsedNs = process.hrtime.bigint() - started;
    const body = Buffer.from(result.bytes());
    const insert = isInsert(sql);
    const summary = {
      read_rows: String(insert ? 0 : result.rowsRead || 0),
      read_bytes: String(insert ? 0 : result.bytesRead || 0),
      written_rows: String(insert ? result.rowsRead || 0 : 0),
      written_bytes: String(insert ? result.bytesRead || 0 : 0),
      total_rows_to_read: String(insert ? 0 : result.rowsRead || 0),
      result_rows: String(insert ? result.rowsRead || 0 : 0),
      result_bytes: String(body.length),
      elapsed_ns: String(elapsedNs),
    };
    return { body, format: insert ? format : outFormat, summary };
  } finally {
    if (tmpFile) fs.rm(tmpFile, { force: true }, () => {});
    await resetSettings(applied);
  }
}

function send(res, status, headers, body, acceptGzip) {
  if (acceptGzip && body.length > 0) {
    body = zlib.gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(body);
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://local');
  const q = url.searchParams;
  const queryId = q.get('query_id') || req.headers['x-clickhouse-query-id'] || crypto.randomUUID();
  const baseHeaders = {
    'X-ClickHouse-Server-Display-Name': DISPLAY_NAME,
    'X-ClickHouse-Query-Id': queryId,
    'X-ClickHouse-Timezone': serverTimezone,
    'Keep-Alive': 'timeout=10',
  };
  const acceptGzip = q.get('enable_http_compression') === '1' && /\bgzip\b/.test(String(req.headers['accept-encoding'] || ''));

  if (url.pathname === '/ping' || url.pathname === '/replicas_status') {
    send(res, 200, { 'Content-Type': 'text/plain; charset=UTF-8' }, Buffer.from('Ok.\n'));
    return;
  }
  if (url.pathname !== '/' && url.pathname !== '/query') {
    send(res, 404, { 'Content-Type': 'text/plain; charset=UTF-8' },
      Buffer.from(`There is no handle ${url.pathname}\n\nUse / or /ping\n`));
    return;
  }

  let body;
  try {
    body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : Buffer.alloc(0);
  } catch (e) {
    const err = asClickHouseError(e);
    send(res, 400, { ...baseHeaders, 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': String(err.clickhouseCode) }, Buffer.from(errorBody(err)));
    return;
  }

  if (q.get('decompress') === '1' && body.length > 0) {
    try {
      body = decompressBlocks(body);
    } catch (e) {
      const err = new ClickHouseError(271, `Cannot decompress the request body: ${e.message} (CANNOT_DECOMPRESS)`);
      send(res, 400, { ...baseHeaders, 'Content-Type': 'text/plain; charset=UTF-8', 'X-ClickHouse-Exception-Code': '271' }, Buffer.from(errorBody(err)));
      return;
    }
  }

  let sql = q.get('query');
  let data = null;
  if (sql === null) {
    if (body.length === 0) {
      send(res, 200, { 'Content-Type': 'text/plain; charset=UTF-8' }, Buffer.from('Ok.\n'));
      return;
    }
    // The whole statement is in the body; an INSERT's rows may follow its FORMAT clause.
    const text = body.toString('latin1');
    const m = /^([\s\S]*?\bFORMAT\s+[A-Za-z0-9_]+)[ \t]*(?:\r?\n)?/i.exec(text);
    if (isInsert(text) && m && !/\bVALUES\b/i.test(m[1]) && !/\bSELECT\b/i.test(m[1])) {
      sql = body.subarray(0, Buffer.byteLength(m[1], 'latin1')).toString('utf8');
      data = body.subarray(Buffer.byteLength(m[0], 'latin1'));
    } else {
      sql = body.toString('utf8');
    }
  } else if (body.length > 0) {
    data = body;
  }

  const format = req.headers['x-clickhouse-format'] || q.get('default_format') || 'TabSeparated';
  const database = req.headers['x-clickhouse-database'] || q.get('database') || 'default';
  const params = {};
  const settings = [];
  for (const [k, v] of q) {
    if (k.startsWith('param_')) params[k.slice(6)] = v;
    else if (!HTTP_ONLY.has(k)) settings.push([k, v]);
  }

  try {
    const out = await serialised(() => execute({ sql, data, database, format, params, settings }));
    send(res, 200, {
      ...baseHeaders,
      'Content-Type': contentTypeOf(out.format),
      'X-ClickHouse-Format': out.format,
      'X-ClickHouse-Summary': JSON.stringify(out.summary),
    }, q.get('compress') === '1' ? compressBlocks(out.body) : out.body, acceptGzip);
  } catch (e) {
    const err = asClickHouseError(e);
    send(res, httpStatusOf(err.clickhouseCode), {
      ...baseHeaders,
      'Content-Type': 'text/plain; charset=UTF-8',
      'X-ClickHouse-Exception-Code': String(err.clickhouseCode),
    }, Buffer.from(errorBody(err)));
  }
}

async function main() {
  const info = await session.queryAsync('SELECT version(), timezone()', { format: 'TSV' });
  [serverVersion, serverTimezone] = info.text().trim().split('\t');
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(new Date().toISOString(), 'request failed', e);
      if (!res.headersSent) { res.writeHead(500); }
      res.end();
    });
  });
  server.keepAliveTimeout = 10000;
  server.headersTimeout = 60000;
  server.requestTimeout = 0;
  server.listen(PORT, HOST, () => {
    console.log(new Date().toISOString(), `ClickHouse ${serverVersion} (chDB) on http://${HOST}:${PORT}, data in ${DATA_DIR}`);
  });
  const shutdown = (signal) => {
    console.log(new Date().toISOString(), `${signal}: closing`);
    server.close();
    serialised(async () => session.close()).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 10000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e) => {
  console.error(new Date().toISOString(), 'cannot start:', e);
  process.exit(1);
});
