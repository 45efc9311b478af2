// The page's start: read GET /client-config, set up the views, then show the one the URL's hash names
// (#upload, #jobs, #jobs/<id>), or the sign-in view while nobody is signed in.

import { field, notice } from './dom.js';
import { call, onSignedOut } from './api.js';
import { sentence } from './messages.js';
import { stopAll } from './follow.js';
import * as session from './session.js';
import { renderSignIn } from './sign-in.js';
import { setUpUploads } from './uploads.js';
import { setUpJobsList, showJobs, clearJobs } from './jobs-list.js';
import { showJob, leaveJob } from './job-view.js';

async function start() {
  let config;
  try {
    config = await call('/client-config', { auth: false });
  } catch {
    document.querySelector('[data-view=loading]').textContent = 'The service does not answer. Reload the page in a moment.';
    return;
  }
  renderSignIn(config, () => {
    notice('sign-in-notice', '');
    show(true);
  });
  setUpUploads(config);
  setUpJobsList();
  document.querySelector('[data-action=sign-out]').addEventListener('click', signOut);
  onSignedOut(() => {
    forget();
    notice('sign-in-notice', sentence('unauthorized'));
    show(true);
  });
  window.addEventListener('hashchange', () => show(true));
  show(false);
}

/** Shows the view for the current state and hash; `moveFocus` puts focus on its heading (screen readers read it). */
function show(moveFocus) {
  const current = session.current();
  document.querySelectorAll('[data-when=signed-in]').forEach((el) => { el.hidden = !current; });
  field('user').textContent = current?.user || '';
  const hash = hashPath();
  let view = 'upload';
  if (!current) view = 'sign-in';
  else if (hash.startsWith('jobs/')) view = 'job';
  else if (hash === 'jobs') view = 'jobs';

  document.querySelectorAll('[data-view]').forEach((el) => { el.hidden = el.dataset.view !== view; });
  document.querySelectorAll('[data-view-link]').forEach((link) => {
    if (link.dataset.viewLink === (view === 'job' ? 'jobs' : view)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  if (view !== 'job') leaveJob();
  if (view === 'jobs') showJobs();
  if (view === 'job') showJob(hash.slice('jobs/'.length));
  if (moveFocus) document.querySelector(`[data-view=${view}] h1`).focus();
}

function hashPath() {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return location.hash.slice(1);
  }
}

async function signOut() {
  if (session.current()?.kind === 'account') {
    // Revokes this session's refresh token; the short-lived access token simply runs out.
    await call('/v1/auth/signout', { method: 'POST', body: { refreshToken: session.current().refreshToken } })
      .catch(() => {});
  }
  session.end();
  forget();
  show(true);
}

/** Nothing of the last user stays on screen or keeps polling. */
function forget() {
  stopAll();
  leaveJob();
  field('uploads').replaceChildren();
  clearJobs();
}

start();
