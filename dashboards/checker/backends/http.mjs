// Small HTTP helper: one request, a time limit, and the backend's own error text on failure.
export async function request(url, { method = 'GET', body, headers = {}, timeoutMs = 60_000 } = {}) {
  let response;
  try {
    response = await fetch(url, { method, body, headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    const cause = e.cause?.code ?? e.cause?.message ?? e.message;
    throw new Error(`${new URL(url).origin} unreachable: ${cause}`);
  }
  const text = await response.text();
  return { status: response.status, ok: response.ok, text };
}

export function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} answered with non-JSON: ${text.slice(0, 500)}`);
  }
}
