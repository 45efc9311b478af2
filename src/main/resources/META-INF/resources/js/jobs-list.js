// "My jobs": the caller's jobs, newest first, a page at a time (GET /v1/jobs with the cursor the API
// returns); each opens as #jobs/<id>.

import { h, field, notice, formatTime } from './dom.js';
import { call } from './api.js';
import { explain } from './messages.js';

const PAGE_SIZE = 10;
const BADGES = { PENDING: 'Waiting', PROCESSING: 'Processing', COMPLETED: 'Done', FAILED: 'Failed' };
let cursor = null;
let loading = null;

export function setUpJobsList() {
  document.querySelector('[data-action=more-jobs]').addEventListener('click', () => loadPage(true));
}

/** Shows the first page again (the list changes as uploads are made). */
export function showJobs() {
  field('jobs').replaceChildren();
  cursor = null;
  return loadPage(false);
}

export function clearJobs() {
  field('jobs').replaceChildren();
  cursor = null;
}

function loadPage(focusNew) {
  if (loading) return loading;
  const more = document.querySelector('[data-action=more-jobs]');
  more.disabled = true;
  const query = new URLSearchParams({ limit: PAGE_SIZE });
  if (cursor) query.set('cursor', cursor);
  loading = call(`/v1/jobs?${query}`)
    .then((page) => {
      notice('jobs-notice', '');
      const rows = page.items.map(row);
      field('jobs').append(...rows);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      const empty = field('jobs').childElementCount === 0;
      field('jobs-empty').hidden = !empty;
      field('jobs').closest('.table-scroll').hidden = empty;
      // Keyboard users carry on from the first job just shown.
      if (focusNew && rows.length) rows[0].querySelector('a').focus();
    })
    .catch((error) => notice('jobs-notice', explain(error.code, error.detail)))
    .finally(() => {
      more.disabled = false;
      loading = null;
    });
  return loading;
}

function row(job) {
  const created = formatTime(job.createdAt);
  return h('tr', { dataset: { jobId: job.jobId, status: job.status } },
    h('td', {}, h('a', { href: `#jobs/${encodeURIComponent(job.jobId)}` },
      h('time', { datetime: job.createdAt }, created))),
    h('td', {}, h('span', { className: 'badge', dataset: { status: job.status } }, BADGES[job.status] || job.status)),
    h('td', { className: 'number' }, job.imageCount === 1 ? '1 image' : `${job.imageCount} images`));
}
