// One job reopened from "My jobs" (#jobs/<id>): its card and gallery, followed until it ends.

import { field, notice, formatTime } from './dom.js';
import { call } from './api.js';
import { explain } from './messages.js';
import { follow, ended } from './follow.js';
import { JobCard } from './job-card.js';

let stop = () => {};

export async function showJob(jobId) {
  leaveJob();
  notice('job-notice', '');
  const slot = field('job');
  slot.replaceChildren();
  let job;
  try {
    job = await call(`/v1/jobs/${encodeURIComponent(jobId)}`);
  } catch (error) {
    notice('job-notice', explain(error.code, error.detail));
    return;
  }
  const title = job.images.length === 1 ? job.images[0].name : `${job.images.length} images`;
  const card = new JobCard(title, { subtitle: `Created ${formatTime(job.createdAt)} · variant set “${job.preset}”`, tag: 'article' });
  card.update(job);
  slot.replaceChildren(card.el);
  if (!ended(job.status)) {
    stop = follow(job.jobId, (next) => card.update(next), (error) => card.fail(error.code, error.detail));
  }
}

export function leaveJob() {
  stop();
  stop = () => {};
}
