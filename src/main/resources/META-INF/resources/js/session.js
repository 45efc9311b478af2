// Who is signed in, kept in sessionStorage (this tab only, gone when it closes), never in a URL.
//
// A session: { kind: 'developer' | 'account' | 'token', user: label shown in the header,
//              accessToken, refreshToken (accounts only) }.

const KEY = 'image-pipeline.session';

let session = read();

function read() {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY));
    return value && typeof value.accessToken === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function current() {
  return session;
}

export function start(value) {
  session = value;
  sessionStorage.setItem(KEY, JSON.stringify(value));
}

/** Replaces the access token (after a refresh), keeping the rest. */
export function renew(accessToken) {
  if (session) start({ ...session, accessToken });
}

export function end() {
  session = null;
  sessionStorage.removeItem(KEY);
}
