// Follows a job until it ends: GET /v1/jobs/{id} after 0.5 s, then 1.5 times longer each time up to 5 s
// (a photo takes about a second; a large batch, minutes), and never again once it is COMPLETED or FAILED.

import { call } from './api.js';

const FIRST_DELAY_MS = 500;
const GROWTH = 1.5;
const MAX_DELAY_MS = 5000;
const ENDED = new Set(['COMPLETED', 'FAILED']);
const active = new Set();

export function ended(status) {
  return ENDED.has(status);
}

/**
 * @param {string} jobId
 * @param {(job: object) => void} onJob every answer, the last one ended
 * @param {(error: ApiError) => void} onError the job cannot be read (not found, signed out); polling stops.
 *        Other failures (network, 5xx, 429) only slow the polling down.
 * @returns {() => void} stops following
 */
export function follow(jobId, onJob, onError) {
  let delay = FIRST_DELAY_MS;
  let timer;
  const stop = () => {
    clearTimeout(timer);
    active.delete(stop);
  };
  const poll = async () => {
    try {
      const job = await call(`/v1/jobs/${encodeURIComponent(jobId)}`);
      if (!active.has(stop)) return;
      onJob(job);
      if (ended(job.status)) {
        stop();
        return;
      }
    } catch (error) {
      if (!active.has(stop)) return;
      if (error.status === 401 || error.status === 403 || error.status === 404) {
        stop();
        onError(error);
        return;
      }
      if (error.retryAfter) delay = Math.max(delay, error.retryAfter * 1000);
    }
    timer = setTimeout(poll, delay);
    delay = Math.min(delay * GROWTH, MAX_DELAY_MS);
  };
  active.add(stop);
  timer = setTimeout(poll, delay);
  delay = Math.min(delay * GROWTH, MAX_DELAY_MS);
  return stop;
}

/** Stops following every job (on sign-out). */
export function stopAll() {
  [...active].forEach((stop) => stop());
}
