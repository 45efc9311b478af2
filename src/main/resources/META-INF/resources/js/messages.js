// What each error code means, in words a person understands. The codes are the API's (README "HTTP API",
// api-v1 "Image error codes" and "Accounts"), plus two of the page's own for the upload to storage.

const SENTENCES = {
  // an image that could not be processed
  'not-an-image': 'This file is not an image. Its content is not a picture format we can read, whatever its name says.',
  'unsupported-format': 'This image format is not supported here.',
  truncated: 'The file is incomplete: it looks cut off, for example by an interrupted download or copy.',
  corrupt: 'The file is damaged and cannot be read as an image.',
  'too-large': 'The file is too large to process.',
  'too-many-pixels': 'The picture has too many pixels to process safely.',
  'too-complex': 'The picture is too complex to process within our time and memory limits.',
  moderated: 'The picture was refused by the content policy of this variant set.',
  internal: 'Something went wrong on our side while processing this image, and retrying did not help. Please try again later.',
  'upload-expired': 'The file did not arrive before its upload link expired. Please upload it again.',
  // the request for an upload
  'unsupported-media-type': 'This type of file is not accepted here.',
  'invalid-request': 'The request was not valid.',
  'rate-limited': 'Too many uploads in a short time. Please wait a moment and try again.',
  unauthorized: 'Your session has ended. Please sign in again.',
  forbidden: 'You are not allowed to do this.',
  'not-found': 'This job does not exist, or it is not yours.',
  // the page's own: the PUT to storage
  'upload-failed': 'The file could not be sent to storage.',
  network: 'The connection failed. Check your network and try again.',
  // accounts
  'user-exists': 'An account with this email address already exists. Sign in instead.',
  'invalid-password': 'This password does not meet the password policy.',
  'code-mismatch': 'This confirmation code is not the one we sent. Check it and try again.',
  'code-expired': 'This confirmation code has expired. Ask for a new one.',
  'not-confirmed': 'This account is not confirmed yet. Enter the code we sent to your email address.',
  'invalid-credentials': 'The email address or password is not right.',
  'too-many-attempts': 'Too many attempts. Please wait a while before trying again.',
  'token-refused': 'This token is not accepted: it may have expired, or come from an issuer this service does not trust.',
};

// Codes whose detail from the server carries facts worth reading (limits, sizes, types, the policy); for
// the others the sentence says it all.
const DETAILED = new Set(['unsupported-format', 'too-large', 'too-many-pixels', 'too-complex', 'moderated',
  'unsupported-media-type', 'invalid-request', 'invalid-password', 'upload-failed']);

/** The sentence for an error code; unknown codes fall back to `detail`, then to a generic sentence. */
export function sentence(code, detail) {
  return SENTENCES[code] || detail || 'Something went wrong.';
}

/**
 * The sentence, plus the server's detail where it adds facts, e.g. "The picture has too many pixels to
 * process safely. (30000x30000 = 900 Mpx, limit 268 Mpx)".
 */
export function explain(code, detail) {
  const text = sentence(code, detail);
  return detail && SENTENCES[code] && DETAILED.has(code) ? `${text} (${detail})` : text;
}
