// The /v1 API over fetch: JSON in and out, problem+json errors as ApiError, the bearer token from the
// session, and one refresh of an account's access token when the API answers 401.

import * as session from './session.js';

/** An error answer (RFC 9457 problem+json) or a failed connection (`code` "network", `status` 0). */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || (status === 401 ? 'unauthorized' : `http-${status}`);
    this.detail = problem?.detail;
    this.retryAfter = retryAfter;
  }
}

let signedOut = () => {};

/** `listener` runs when the API refuses the session's token and it cannot be refreshed. */
export function onSignedOut(listener) {
  signedOut = listener;
}

/**
 * Calls the API. Returns the parsed JSON body (null for 204); throws ApiError.
 *
 * @param {string} path e.g. "/v1/jobs?limit=10"
 * @param {{method?: string, body?: object, auth?: boolean}} options `auth: false` sends no token
 */
export async function call(path, { method = 'GET', body, auth = true } = {}) {
  let response = await send(path, method, body, auth);
  if (response.status === 401 && auth && session.current()) {
    if (await refresh()) {
      response = await send(path, method, body, auth);
    }
    if (response.status === 401) {
      session.end();
      signedOut();
    }
  }
  return parse(response);
}

async function send(path, method, body, auth) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth && session.current()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, { code: 'network' });
  }
}

async function parse(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    throw new ApiError(response.status, data, retryAfter);
  }
  return data;
}

let refreshing = null;

/** A new access token from the account's refresh token; several callers at once share one request. */
function refresh() {
  const { kind, refreshToken } = session.current() || {};
  if (kind !== 'account' || !refreshToken) return Promise.resolve(false);
  refreshing ??= send('/v1/auth/refresh', 'POST', { refreshToken }, false)
    .then(parse)
    .then((tokens) => { session.renew(tokens.accessToken); return true; })
    .catch(() => false)
    .finally(() => { refreshing = null; });
  return refreshing;
}
