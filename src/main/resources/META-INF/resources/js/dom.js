// Small DOM helpers: elements are built with textContent only, so no API or file-name text is ever parsed
// as HTML.

/**
 * Creates an element. `attrs` values: strings become attributes, `dataset` an object of data-*, `on` an
 * object of event listeners; false/null/undefined are skipped. Children: nodes or strings (as text).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (name === 'className') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** The first element matching `[data-field=name]` (or `[data-slot=name]`) in `root`. */
export function field(name, root = document) {
  return root.querySelector(`[data-field="${name}"], [data-slot="${name}"]`);
}

/** "2.9 MB", "81 kB", "512 bytes": decimal units, as file managers show them. */
export function formatBytes(bytes) {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit += 1;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value.toLocaleString(undefined, { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/** A timestamp in the reader's locale and time zone. */
export function formatTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "4032 × 3024" */
export function formatSize(width, height) {
  return `${width} × ${height}`;
}

/**
 * Says `message` through the page's polite live region. Each message is added as its own node (the region
 * announces additions), so several uploads changing at once are all read; old ones are pruned.
 */
export function announce(message) {
  const region = field('announcer');
  region.append(h('p', {}, message));
  while (region.childElementCount > 20) region.firstElementChild.remove();
}

/** Shows `text` in a notice element, or hides it when `text` is empty. */
export function notice(name, text) {
  const el = field(name);
  el.textContent = text || '';
  el.hidden = !text;
}
