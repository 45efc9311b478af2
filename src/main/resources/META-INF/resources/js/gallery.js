// One processed image of a job: the blur placeholder at once, then the picture (WebP or JPEG at the
// width the layout needs), its facts, every variant with a download link, and the snippet to copy.

import { h, formatBytes, formatSize, formatTime, announce } from './dom.js';
import { explain } from './messages.js';
import { pictureElement, pictureSnippet } from './picture.js';

// The gallery's own layout: the picture spans the card on narrow screens, 28rem beside the facts on wide ones.
const GALLERY_SIZES = '(max-width: 48rem) 100vw, 28rem';

const ORIENTATIONS = {
  1: 'Upright',
  2: 'Mirrored, corrected',
  3: 'Upside down, corrected',
  4: 'Upside down and mirrored, corrected',
  5: 'On its side and mirrored, corrected',
  6: 'On its side (turned 90°), corrected',
  7: 'On its side and mirrored, corrected',
  8: 'On its side (turned 270°), corrected',
};

/**
 * The block for one image of a job (COMPLETED or FAILED); null while it is still waiting or processing.
 *
 * @param {boolean} alone the job's only image: the card already names it and says why it failed
 */
export function imageView(image, alone) {
  if (image.status === 'FAILED') return failure(image, alone);
  if (image.status !== 'COMPLETED' || !image.variants?.length) return null;
  return h('article', { className: 'image', dataset: { imageName: image.name }, 'aria-label': image.name },
    frame(image),
    h('div', { className: 'image-details' },
      alone ? null : h('h3', { className: 'image-name' }, image.name),
      facts(image),
      variantsTable(image),
      snippet(image, alone ? 'h3' : 'h4')));
}

function failure(image, alone) {
  const { code, message } = image.error || {};
  return h('article', { className: 'image failed', dataset: { imageName: image.name, code: code || '' }, 'aria-label': image.name },
    alone ? null : h('h3', { className: 'image-name' }, image.name),
    alone ? null : h('p', { className: 'error-text' }, explain(code, message)),
    code ? h('p', { className: 'error-code' }, 'Error code: ', h('code', {}, code)) : null);
}

/** The placeholder (a 20 px blurred JPEG inlined by the API) under the picture until the picture has loaded. */
function frame(image) {
  const picture = pictureElement(image, image.name, GALLERY_SIZES);
  const img = picture.querySelector('img');
  const box = h('div', { className: 'frame' },
    image.placeholder ? h('img', { className: 'placeholder', src: image.placeholder, alt: '', 'aria-hidden': 'true' }) : null,
    picture);
  box.style.aspectRatio = `${img.width} / ${img.height}`;
  const shown = () => box.classList.add('loaded');
  img.addEventListener('load', shown);
  img.addEventListener('error', () => box.classList.add('broken'));
  if (img.complete && img.naturalWidth > 0) shown();
  return box;
}

function facts(image) {
  const exif = image.exif || {};
  // Many cameras repeat the make in the model ("Canon" / "Canon EOS 5D").
  const camera = exif.make && exif.model?.startsWith(exif.make)
    ? exif.model : [exif.make, exif.model].filter(Boolean).join(' ');
  const rows = [
    ['Original', `${formatSize(image.width, image.height)} px, ${(image.format || '').toUpperCase()}`
      + (image.source?.bytes ? `, ${formatBytes(image.source.bytes)}` : '') + (image.animated ? ', animated (first frame shown)' : '')],
    ['Camera', camera || null],
    ['Taken', exif.takenAt ? formatTime(exif.takenAt) : null],
    ['Orientation', exif.orientation ? ORIENTATIONS[exif.orientation] : null],
    ['Location', exif.gps ? 'The photo had a GPS position; it is not kept in the variants' : null],
  ].filter(([, value]) => value);
  return h('dl', { className: 'facts' }, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function variantsTable(image) {
  const rows = image.variants.map((v) => h('tr', {},
    h('th', { scope: 'row' }, v.name),
    h('td', {}, v.format.toUpperCase()),
    h('td', { className: 'number' }, formatSize(v.width, v.height)),
    h('td', { className: 'number' }, formatBytes(v.bytes)),
    h('td', {}, h('a', { href: v.url, download: '', 'aria-label': `Download ${v.name} (${v.format.toUpperCase()}, ${formatSize(v.width, v.height)})` },
      'Download'))));
  return h('div', { className: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `Variants of ${image.name}` },
    h('table', { className: 'variants' },
      h('caption', {}, `${image.variants.length} variants`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Variant'), h('th', { scope: 'col' }, 'Format'),
        h('th', { scope: 'col', className: 'number' }, 'Pixels'), h('th', { scope: 'col', className: 'number' }, 'Size'),
        h('th', { scope: 'col' }, h('span', { className: 'visually-hidden' }, 'Download')))),
      h('tbody', {}, rows)));
}

function snippet(image, heading) {
  const text = pictureSnippet(image);
  const code = h('code', { dataset: { field: 'snippet' } }, text);
  const status = h('span', { className: 'copy-status', role: 'status' });
  const button = h('button', {
    type: 'button',
    className: 'button',
    dataset: { action: 'copy-snippet' },
    'aria-label': `Copy the HTML for ${image.name}`,
    on: { click: () => copy(text, code, status, button) },
  }, 'Copy HTML');
  return h('div', { className: 'snippet' },
    h('div', { className: 'snippet-head' }, h(heading, { className: 'snippet-title' }, 'HTML for your page'), button, status),
    h('pre', { tabindex: '0' }, code),
    h('p', { className: 'hint' }, 'Add an alt text that describes the picture. The links expire after a while'
      + ' unless the service hands out CDN links.'));
}

async function copy(text, code, status, button) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // No clipboard access (an old browser, or a page that is not focused): select the text instead.
    getSelection().selectAllChildren(code);
  }
  button.dataset.copied = String(copied);
  status.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C (⌘C) to copy';
  announce(copied ? 'HTML copied to the clipboard' : 'The HTML is selected; copy it with Ctrl+C or ⌘C');
}
