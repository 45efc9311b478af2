// A card for one job: its title, status badge and sentence, the upload progress (for uploads from this
// page), and the gallery of its images once it has ended.
//
// Hooks for tests and scripts: data-job-id, data-status (the job status as the API gives it) and, when it
// failed, data-code (the first failed image's code). A card whose job could not start (the API refused
// the upload, or storage refused the file) has data-status="FAILED" and the refusal's code. Upload cards
// also carry data-file-name.

import { h, announce } from './dom.js';
import { explain } from './messages.js';
import { ended } from './follow.js';
import { imageView } from './gallery.js';

const BADGES = { PENDING: 'Waiting', PROCESSING: 'Processing', COMPLETED: 'Done', FAILED: 'Failed' };
let cards = 0;

export class JobCard {
  /**
   * @param {string} title the file name, or the job's summary
   * @param {{subtitle?: string, progress?: boolean, tag?: string}} options `progress` adds an upload bar
   */
  constructor(title, { subtitle, progress = false, tag = 'li' } = {}) {
    this.title = title;
    cards += 1;
    const id = `card-${cards}`;
    this.badge = h('span', { className: 'badge', dataset: { status: 'NEW' } }, 'Preparing');
    this.text = h('p', { className: 'status-text' }, 'Preparing the upload…');
    this.results = h('div', { className: 'results' });
    if (progress) {
      this.bar = h('progress', { max: '100', value: '0', 'aria-labelledby': `${id}-progress` });
      this.percent = h('span', { className: 'percent', id: `${id}-progress` }, 'Upload 0 %');
    }
    this.el = h(tag, { className: 'card', 'aria-labelledby': `${id}-title` },
      h('div', { className: 'card-head' },
        h('h2', { className: 'card-title', id: `${id}-title` }, title),
        this.badge),
      subtitle ? h('p', { className: 'card-subtitle' }, subtitle) : null,
      progress ? h('div', { className: 'progress-row' }, this.bar, this.percent) : null,
      this.text,
      this.results);
  }

  /** The API made the job (POST /v1/uploads answered). */
  started(jobId, status) {
    this.el.dataset.jobId = jobId;
    this.status(status, 'Sending the file…');
  }

  /** @param {number} fraction 0..1 of the file sent to storage */
  progress(fraction) {
    const percent = Math.round(fraction * 100);
    this.bar.value = percent;
    this.percent.textContent = `Upload ${percent} %`;
  }

  uploaded() {
    this.text.textContent = 'Uploaded. Waiting for processing to start…';
    announce(`${this.title}: uploaded`);
  }

  /** Shows the job as the API gave it; once it has ended, its images. */
  update(job) {
    const before = this.el.dataset.status;
    this.el.dataset.jobId = job.jobId;
    this.status(job.status, this.sentence(job));
    if (job.status === 'FAILED') {
      const code = job.images.find((image) => image.status === 'FAILED')?.error?.code;
      if (code) this.el.dataset.code = code;
    }
    if (ended(job.status) && before !== job.status) {
      const alone = job.images.length === 1;
      this.results.replaceChildren(...job.images.map((image) => imageView(image, alone)).filter(Boolean));
    }
    if (before !== job.status) announce(`${this.title}: ${this.text.textContent}`);
  }

  /** The job could not start, or could not be read: `code` from the API, storage or the network. */
  fail(code, detail) {
    this.el.dataset.code = code;
    this.status('FAILED', explain(code, detail));
    announce(`${this.title}: failed. ${this.text.textContent}`);
  }

  status(status, sentence) {
    this.el.dataset.status = status;
    this.badge.dataset.status = status;
    this.badge.textContent = BADGES[status] || status;
    this.text.textContent = sentence;
  }

  sentence(job) {
    const images = job.images.length;
    const variants = job.images.reduce((sum, image) => sum + (image.variants?.length || 0), 0);
    const failed = job.images.filter((image) => image.status === 'FAILED');
    switch (job.status) {
      case 'PENDING': return images > 1 ? `${images} images waiting to be processed.` : 'Waiting to be processed.';
      case 'PROCESSING': return images > 1
        ? `Processing: ${job.images.filter((image) => ended(image.status)).length} of ${images} images done.`
        : 'Processing…';
      case 'COMPLETED': return `Done: ${variants} variants made${images > 1 ? ` from ${images} images` : ''}.`;
      case 'FAILED': return images > 1
        ? `${failed.length} of ${images} images could not be processed.`
        : explain(failed[0]?.error?.code, failed[0]?.error?.message);
      default: return job.status;
    }
  }
}
