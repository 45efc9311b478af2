// The upload view: files dropped or picked, each one asked for (POST /v1/uploads), sent to storage with a
// progress bar, then followed until its job ends.

import { h, field, formatBytes, announce } from './dom.js';
import { call } from './api.js';
import { putFile } from './storage-upload.js';
import { follow } from './follow.js';
import { JobCard } from './job-card.js';

const FORMAT_NAMES = {
  'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/gif': 'GIF', 'image/webp': 'WebP', 'image/tiff': 'TIFF', 'image/bmp': 'BMP',
  'application/dicom': 'DICOM',
};

/** Wires the drop zone, the file input and the variant-set choice; `config` is GET /client-config. */
export function setUpUploads(config) {
  const input = document.querySelector('input[type=file]');
  const zone = document.querySelector('[data-dropzone]');
  const { contentTypes, maxBytes, presets, defaultPreset } = config.uploads;

  input.accept = contentTypes.join(',');
  const names = contentTypes.map((type) => FORMAT_NAMES[type] || type);
  field('upload-hint').textContent = `${list(names)}, up to ${formatBytes(maxBytes)} each. Several at once are fine.`;

  const select = field('preset');
  select.replaceChildren(...presets.map((name) => h('option', { value: name, selected: name === defaultPreset }, name)));

  input.addEventListener('change', () => {
    uploadAll([...input.files], select.value);
    input.value = '';
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    uploadAll([...event.dataTransfer.files], select.value);
  });
  // A file dropped beside the zone would make the browser leave the page (and its uploads) to show it.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
}

function uploadAll(files, preset) {
  if (!files.length) return;
  announce(files.length === 1 ? `Uploading ${files[0].name}` : `Uploading ${files.length} files`);
  const slot = field('uploads');
  // Newest first, each selection in the order it was made.
  const cards = files.map((file) => {
    const card = new JobCard(file.name, { subtitle: `${formatBytes(file.size)} · ${file.type || 'unknown type'}`, progress: true });
    card.el.dataset.fileName = file.name;
    return [file, card];
  });
  slot.prepend(...cards.map(([, card]) => card.el));
  cards.forEach(([file, card]) => upload(file, preset, card));
}

async function upload(file, preset, card) {
  let created;
  try {
    // The server reads the file's first bytes to know what it is; the declared type only has to be one it accepts.
    created = await call('/v1/uploads', {
      method: 'POST',
      body: { fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size, preset },
    });
  } catch (error) {
    card.fail(error.code, error.detail);
    return;
  }
  card.started(created.jobId, created.status);
  try {
    await putFile(created.upload, file, (fraction) => card.progress(fraction));
  } catch (error) {
    card.fail(error.code, error.detail);
    return;
  }
  card.uploaded();
  follow(created.jobId, (job) => card.update(job), (error) => card.fail(error.code, error.detail));
}

/** "JPEG, PNG or GIF" */
function list(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}
