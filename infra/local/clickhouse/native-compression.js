'use strict';
// ClickHouse's own block compression on HTTP (`compress=1` for responses, `decompress=1` for
// request bodies), which client-v2 and JDBC use by default. A stream of blocks:
//
//   checksum (16 bytes: CityHash128 v1.0.2 of the rest of the block, low then high 64 bits, LE)
//   method (1 byte: 0x82 LZ4, 0x02 none) | compressed size incl. these 9 bytes (u32 LE)
//   | uncompressed size (u32 LE) | data
//
// Responses are written as LZ4 blocks holding only literals (valid LZ4 that any decoder reads);
// the point is to speak the protocol, not to save bytes on loopback.

const MASK = (1n << 64n) - 1n;
const k0 = 0xc3a5c85c97cb3127n;
const k1 = 0xb492b66fbe98f273n;
const k2 = 0x9ae16a3b2f90404fn;
const k3 = 0xc949d7c7509e6557n;
const kMul = 0x9ddfea08eb382d69n;

const METHOD_LZ4 = 0x82;
const METHOD_NONE = 0x02;
const HEADER = 9;
const BLOCK = 1024 * 1024;

const u64 = (x) => x & MASK;
const mul = (a, b) => (a * b) & MASK;
const add = (...xs) => xs.reduce((s, x) => (s + x) & MASK, 0n);
const fetch64 = (b, i) => b.readBigUInt64LE(i);
const fetch32 = (b, i) => BigInt(b.readUInt32LE(i));
const rotate = (v, s) => (s === 0 ? v : u64((v >> BigInt(s)) | (v << BigInt(64 - s))));
const rotateByAtLeast1 = (v, s) => u64((v >> BigInt(s)) | (v << BigInt(64 - s)));
const shiftMix = (v) => v ^ (v >> 47n);

function hashLen16(u, v) {
  let a = mul(u ^ v, kMul);
  a ^= a >> 47n;
  let b = mul(v ^ a, kMul);
  b ^= b >> 47n;
  return mul(b, kMul);
}

function hashLen0to16(b, s, len) {
  if (len > 8) {
    const a = fetch64(b, s);
    const c = fetch64(b, s + len - 8);
    return hashLen16(a, rotateByAtLeast1(add(c, BigInt(len)), len)) ^ c;
  }
  if (len >= 4) {
    const a = fetch32(b, s);
    return hashLen16(add(BigInt(len), a << 3n), fetch32(b, s + len - 4));
  }
  if (len > 0) {
    const a = BigInt(b[s]);
    const c = BigInt(b[s + (len >> 1)]);
    const d = BigInt(b[s + len - 1]);
    const y = (a + (c << 8n)) & 0xffffffffn;
    const z = (BigInt(len) + (d << 2n)) & 0xffffffffn;
    return mul(shiftMix(mul(y, k2) ^ mul(z, k3)), k2);
  }
  return k2;
}

function weakHashLen32WithSeeds(b, s, a, c) {
  const w = fetch64(b, s);
  const x = fetch64(b, s + 8);
  const y = fetch64(b, s + 16);
  const z = fetch64(b, s + 24);
  a = add(a, w);
  c = rotate(add(c, a, z), 21);
  const e = a;
  a = add(a, x, y);
  c = add(c, rotate(a, 44));
  return [add(a, z), add(c, e)];
}

function cityMurmur(b, s, len, lo, hi) {
  let a = lo;
  let c = hi;
  let d;
  let e;
  let l = len - 16;
  if (l <= 0) {
    a = mul(shiftMix(mul(a, k1)), k1);
    d = add(mul(c, k1), hashLen0to16(b, s, len));
    e = shiftMix(add(a, len >= 8 ? fetch64(b, s) : d));
  } else {
    d = hashLen16(add(fetch64(b, s + len - 8), k1), a);
    e = hashLen16(add(c, BigInt(len)), add(d, fetch64(b, s + len - 16)));
    a = add(a, e);
    do {
      a ^= mul(shiftMix(mul(fetch64(b, s), k1)), k1);
      a = mul(a, k1);
      c ^= a;
      d ^= mul(shiftMix(mul(fetch64(b, s + 8), k1)), k1);
      d = mul(d, k1);
      e ^= d;
      s += 16;
      l -= 16;
    } while (l > 0);
  }
  a = hashLen16(a, d);
  c = hashLen16(e, c);
  return [a ^ c, hashLen16(c, a)];
}

function cityHash128WithSeed(b, s, len, lo, hi) {
  if (len < 128) return cityMurmur(b, s, len, lo, hi);
  let x = lo;
  let y = hi;
  let z = mul(BigInt(len), k1);
  let v0 = add(mul(rotate(y ^ k1, 49), k1), fetch64(b, s));
  let v1 = add(mul(rotate(v0, 42), k1), fetch64(b, s + 8));
  let w0 = add(mul(rotate(add(y, z), 35), k1), x);
  let w1 = mul(rotate(add(x, fetch64(b, s + 88)), 53), k1);
  const round = () => {
    x = mul(rotate(add(x, y, v0, fetch64(b, s + 16)), 37), k1);
    y = mul(rotate(add(y, v1, fetch64(b, s + 48)), 42), k1);
    x ^= w1;
    y ^= v0;
    z = rotate(z ^ w0, 33);
    [v0, v1] = weakHashLen32WithSeeds(b, s, mul(v1, k1), add(x, w0));
    [w0, w1] = weakHashLen32WithSeeds(b, s + 32, add(z, w1), y);
    [z, x] = [x, z];
    s += 64;
  };
  do {
    round();
    round();
    len -= 128;
  } while (len >= 128);
  y = add(y, mul(rotate(w0, 37), k0), z);
  x = add(x, mul(rotate(add(v0, z), 49), k0));
  for (let done = 0; done < len;) {
    done += 32;
    y = add(mul(rotate((y - x) & MASK, 42), k0), v1);
    w0 = add(w0, fetch64(b, s + len - done + 16));
    x = add(mul(rotate(x, 49), k0), w0);
    w0 = add(w0, v0);
    [v0, v1] = weakHashLen32WithSeeds(b, s + len - done, v0, v1);
  }
  x = hashLen16(x, v0);
  y = hashLen16(y, w0);
  return [add(hashLen16(add(x, v1), w1), y), hashLen16(add(x, w1), add(y, v1))];
}

/** CityHash128 v1.0.2 of a buffer, as [low64, high64] BigInts. */
function cityHash128(b) {
  const len = b.length;
  if (len >= 16) return cityHash128WithSeed(b, 16, len - 16, fetch64(b, 0) ^ k3, fetch64(b, 8));
  if (len >= 8) {
    return cityHash128WithSeed(b, 0, 0, fetch64(b, 0) ^ mul(BigInt(len), k0), fetch64(b, len - 8) ^ k1);
  }
  return cityHash128WithSeed(b, 0, len, k0, k1);
}

// An LZ4 block of literals only.
function lz4Literals(data) {
  const len = data.length;
  const extra = len >= 15 ? Math.floor((len - 15) / 255) + 1 : 0;
  const out = Buffer.alloc(1 + extra + len);
  let o = 0;
  if (len >= 15) {
    out[o++] = 0xf0;
    let rest = len - 15;
    while (rest >= 255) { out[o++] = 255; rest -= 255; }
    out[o++] = rest;
  } else {
    out[o++] = len << 4;
  }
  data.copy(out, o);
  return out;
}

function lz4Decompress(src, size) {
  const out = Buffer.alloc(size);
  let i = 0;
  let o = 0;
  while (i < src.length) {
    const token = src[i++];
    let lit = token >> 4;
    if (lit === 15) { let x; do { x = src[i++]; lit += x; } while (x === 255); }
    src.copy(out, o, i, i + lit);
    i += lit;
    o += lit;
    if (i >= src.length) break;
    const offset = src[i] | (src[i + 1] << 8);
    i += 2;
    let match = (token & 15) + 4;
    if ((token & 15) === 15) { let x; do { x = src[i++]; match += x; } while (x === 255); }
    if (offset === 0 || offset > o) throw new Error('corrupt LZ4 block');
    for (let k = 0; k < match; k++, o++) out[o] = out[o - offset];
  }
  if (o !== size) throw new Error(`corrupt LZ4 block: ${o} bytes instead of ${size}`);
  return out;
}

/** Frames a whole response body as ClickHouse compressed blocks. */
function compressBlocks(body) {
  const parts = [];
  for (let start = 0; start < body.length || (start === 0 && body.length === 0); start += BLOCK) {
    const chunk = body.subarray(start, Math.min(body.length, start + BLOCK));
    const payload = lz4Literals(chunk);
    const block = Buffer.alloc(16 + HEADER + payload.length);
    block[16] = METHOD_LZ4;
    block.writeUInt32LE(HEADER + payload.length, 17);
    block.writeUInt32LE(chunk.length, 21);
    payload.copy(block, 16 + HEADER);
    const [lo, hi] = cityHash128(block.subarray(16));
    block.writeBigUInt64LE(lo, 0);
    block.writeBigUInt64LE(hi, 8);
    parts.push(block);
    if (body.length === 0) break;
  }
  return body.length === 0 ? Buffer.alloc(0) : Buffer.concat(parts);
}

/** Reads a request body of ClickHouse compressed blocks (LZ4 or none); checksums are checked. */
function decompressBlocks(body) {
  const parts = [];
  let i = 0;
  while (i < body.length) {
    if (body.length - i < 16 + HEADER) throw new Error('truncated compressed block');
    const method = body[i + 16];
    const compressed = body.readUInt32LE(i + 17);
    const size = body.readUInt32LE(i + 21);
    const end = i + 16 + compressed;
    if (end > body.length) throw new Error('truncated compressed block');
    const [lo, hi] = cityHash128(body.subarray(i + 16, end));
    if (body.readBigUInt64LE(i) !== lo || body.readBigUInt64LE(i + 8) !== hi) {
      throw new Error('checksum mismatch in compressed block');
    }
    const data = body.subarray(i + 16 + HEADER, end);
    if (method === METHOD_LZ4) parts.push(lz4Decompress(data, size));
    else if (method === METHOD_NONE) parts.push(data);
    else throw new Error(`compression method 0x${method.toString(16)} is not supported here (LZ4 only)`);
    i = end;
  }
  return Buffer.concat(parts);
}

module.exports = { cityHash128, compressBlocks, decompressBlocks };
