// The sharp side of bench/run. Renders the outputs the Java side renders (the variants of a preset and a
// blur placeholder) for every input file, with the encoder settings the Java side uses, and prints one
// JSON line of figures. Two modes:
//   idiomatic: one sharp pipeline per output, each decoding the file (sharp's own advice; libjpeg then
//              decodes at 1/2, 1/4 or 1/8 scale when the output is small);
//   cascade:   decode once to the largest output, then each output from the smallest one already made;
//   encode:    only the encoders, on raw RGB pixels the Java side wrote (job.items), to show where the
//              time goes.
// Usage: node render.mjs <job.json>, where job.json = {mode, threads, warmup, files, variants,
//        placeholderWidth, placeholderQuality, webpEffort} or, for encode, {mode, images, items, webpEffort}
//        with items = [{file, width, height, format, quality, progressive}].
// Concurrency: `threads` images at once, each pipeline on one libvips thread (UV_THREADPOOL_SIZE is set
// by the caller), so "threads=N" means N cores on both sides.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
sharp.concurrency(1);
sharp.cache(false);

const inputs = (job.files ?? []).map((f) => readFileSync(f));
const bySizeDesc = [...(job.variants ?? [])].sort((a, b) => (b.width - a.width) || (b.height - a.height));

function encode(pipeline, v) {
  if (v.format === 'webp') {
    return pipeline.webp({ quality: v.quality, effort: job.webpEffort });
  }
  if (v.format === 'png') {
    return pipeline.png();
  }
  return pipeline.jpeg({
    quality: v.quality, progressive: v.progressive, chromaSubsampling: '4:2:0', optimiseCoding: true,
  });
}

function resizeOptions(v) {
  return v.fit === 'cover'
    ? { width: v.width, height: v.height, fit: 'cover', withoutEnlargement: true }
    : { width: v.width, height: v.height || undefined, fit: 'inside', withoutEnlargement: true };
}

function placeholder(pipeline) {
  return pipeline.resize({ width: job.placeholderWidth, withoutEnlargement: true }).blur(1)
    .jpeg({ quality: job.placeholderQuality, chromaSubsampling: '4:2:0', optimiseCoding: true }).toBuffer();
}

async function idiomatic(input) {
  const outputs = await Promise.all(job.variants.map(
    (v) => encode(sharp(input).rotate().resize(resizeOptions(v)), v).toBuffer()));
  if (job.placeholderWidth > 0) {
    outputs.push(await placeholder(sharp(input).rotate()));
  }
  return outputs;
}

const raw = (r) => sharp(r.data, { raw: r.info });

async function cascade(input) {
  const largest = bySizeDesc[0];
  const first = await sharp(input).rotate().resize(resizeOptions({ ...largest, fit: 'inside' }))
    .raw().toBuffer({ resolveWithObject: true });
  const sources = [first];
  const outputs = [];
  for (const v of bySizeDesc) {
    const src = sources.reduce((best, s) => (s.info.width >= v.width && s.info.height >= (v.height || 1)
      && s.info.width < best.info.width ? s : best), sources[0]);
    const made = v.fit === 'cover' || src.info.width !== Math.min(v.width, src.info.width)
      ? await raw(src).resize(resizeOptions(v)).raw().toBuffer({ resolveWithObject: true })
      : src;
    if (v.fit === 'inside' && made !== src) {
      sources.push(made);
    }
    outputs.push(await encode(raw(made), v).toBuffer());
  }
  if (job.placeholderWidth > 0) {
    const smallest = sources.reduce((a, b) => (b.info.width < a.info.width ? b : a));
    outputs.push(await placeholder(raw(smallest)));
  }
  return outputs;
}

async function encodeOnly() {
  const raws = job.items.map((item) => readFileSync(item.file));
  const once = async () => {
    let nanos = 0n;
    for (const [k, item] of job.items.entries()) {
      const start = process.hrtime.bigint();
      await encode(sharp(raws[k], { raw: { width: item.width, height: item.height, channels: 3 } }), item).toBuffer();
      nanos += process.hrtime.bigint() - start;
    }
    return nanos;
  };
  await once();
  const nanos = await once();
  console.log(JSON.stringify({ mode: job.mode, images: job.images, ms_per_image: Number(nanos) / 1e6 / job.images }));
}

const render = job.mode === 'cascade' ? cascade : idiomatic;

async function run(count) {
  let next = 0;
  let bytes = 0;
  const times = [];
  const worker = async () => {
    while (next < count) {
      const input = inputs[next++ % inputs.length];
      const start = process.hrtime.bigint();
      const outputs = await render(input);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      bytes += outputs.reduce((sum, o) => sum + o.length, 0);
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: job.threads }, worker));
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, bytes, times };
}

if (job.mode === 'encode') {
  await encodeOnly();
} else {
  await run(job.warmup);
  const result = await run(inputs.length);
  result.times.sort((a, b) => a - b);
  console.log(JSON.stringify({
    mode: job.mode,
    threads: job.threads,
    images: inputs.length,
    images_per_s: inputs.length / result.seconds,
    ms_per_image_median: result.times[Math.floor(result.times.length / 2)],
    output_bytes: result.bytes,
  }));
}
