// The responsive markup of a processed image, from the API's `images[].srcset` (a JPEG and a WebP width
// series and a `sizes` value) and its variants: as DOM for the gallery, and as an HTML snippet to paste.

/** The candidates of a srcset value, ascending as the API lists them: [{url, width}]. */
export function candidates(srcset) {
  if (!srcset) return [];
  return srcset.split(/,\s+/).map((candidate) => {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    return { url, width: parseInt(descriptor, 10) };
  });
}

/**
 * The variant for `<img src>`: the widest of the JPEG series (every browser decodes JPEG), or without
 * a series the largest variant, preferring JPEG.
 */
export function fallbackVariant(image) {
  const variants = image.variants || [];
  const widest = candidates(image.srcset?.jpeg).at(-1);
  const inSeries = widest && variants.find((v) => v.url === widest.url);
  if (inSeries) return inSeries;
  const area = (v) => v.width * v.height;
  const jpegs = variants.filter((v) => v.format === 'jpeg');
  return (jpegs.length ? jpegs : variants).reduce((a, b) => (area(b) > area(a) ? b : a), variants[0]);
}

/**
 * A `<picture>` element: a WebP `<source>` when there is a WebP series, and an `<img>` with the JPEG series.
 *
 * @param {string} sizes the `sizes` the page lays the image out with (the snippet keeps the API's)
 */
export function pictureElement(image, alt, sizes) {
  const fallback = fallbackVariant(image);
  const picture = document.createElement('picture');
  if (image.srcset?.webp) {
    const source = document.createElement('source');
    source.type = 'image/webp';
    source.srcset = image.srcset.webp;
    source.sizes = sizes;
    picture.append(source);
  }
  const img = document.createElement('img');
  if (image.srcset?.jpeg) {
    img.srcset = image.srcset.jpeg;
    img.sizes = sizes;
  }
  img.src = fallback.url;
  img.width = fallback.width;
  img.height = fallback.height;
  img.alt = alt;
  img.decoding = 'async';
  picture.append(img);
  return picture;
}

/** Ready-to-paste HTML for the image, with the API's srcset and sizes; the alt text is left to the author. */
export function pictureSnippet(image) {
  const fallback = fallbackVariant(image);
  const { srcset } = image;
  const lines = ['<picture>'];
  if (srcset?.webp) {
    lines.push(`  <source type="image/webp" srcset="${attr(srcset.webp)}" sizes="${attr(srcset.sizes)}">`);
  }
  const series = srcset?.jpeg ? ` srcset="${attr(srcset.jpeg)}" sizes="${attr(srcset.sizes)}"` : '';
  lines.push(`  <img src="${attr(fallback.url)}"${series} width="${fallback.width}" height="${fallback.height}"`
    + ' alt="" loading="lazy" decoding="async">');
  lines.push('</picture>');
  return lines.join('\n');
}

function attr(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
