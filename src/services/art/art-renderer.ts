// Renders SVG to PNG with resvg in one worker thread, off the event loop, one image at a time. resvg's pixmaps
// live outside V8's heap and V8 is not told of them, so a process doing little else would keep them long after
// use (RSS grew by 2 MB an image here); the worker collects its garbage after every image, which holds its memory
// flat whatever the number of images.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { TooManyRequestsError } from '../../errors.js';

const require = createRequire(import.meta.url);

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
// A garbage collector this thread may call: the flag only adds gc() to contexts made after it.
require('node:v8').setFlagsFromString('--expose-gc');
const collect = require('node:vm').runInNewContext('gc');
parentPort.on('message', ({ id, svg, width }) => {
  let message;
  try {
    const png = new Resvg(svg, { font: workerData.font, fitTo: { mode: 'width', value: width } }).render().asPng();
    message = { id, png };
  } catch (err) {
    message = { id, error: String(err && err.message || err) };
  }
  collect();
  // Finalizers of what was collected run on this turn of the loop, before the next image.
  setImmediate(() => parentPort.postMessage(message));
});
`;

export interface ArtRendererOptions {
  /** Font files the SVG's text is set in (nothing else is looked up: the same pixels on every machine). */
  fontFiles: string[];
  defaultFontFamily: string;
  /** Images waiting beyond this are refused with a 429 (default 256). */
  maxQueued?: number;
  /** One image's deadline; past it the worker is replaced (default 10 s). */
  timeoutMs?: number;
}

interface Pending {
  resolve(png: Buffer): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export function createArtRenderer(opts: ArtRendererOptions) {
  const maxQueued = opts.maxQueued ?? 256;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const font = {
    fontFiles: opts.fontFiles,
    loadSystemFonts: false,
    defaultFontFamily: opts.defaultFontFamily,
  };
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let next = 0;

  function failAll(err: Error): void {
    for (const p of pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    pending.clear();
  }

  function start(): Worker {
    const w = new Worker(WORKER, {
      eval: true,
      workerData: { resvg: require.resolve('@resvg/resvg-js'), font },
    });
    w.unref();
    w.on('message', (m: { id: number; png?: Uint8Array; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.png) p.resolve(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
      else p.reject(new Error(`could not render the image: ${m.error ?? 'unknown error'}`));
    });
    const lost = (err: Error) => {
      if (worker === w) worker = null;
      failAll(err);
    };
    w.on('error', lost);
    w.on('exit', (code) => lost(new Error(`the art renderer stopped (exit ${code})`)));
    return w;
  }

  return {
    /** The SVG as a PNG `width` pixels wide. */
    render(svg: string, width: number): Promise<Buffer> {
      if (pending.size >= maxQueued) {
        return Promise.reject(
          new TooManyRequestsError('too many images waiting to be drawn; ask again shortly'),
        );
      }
      worker ??= start();
      const w = worker;
      const id = next++;
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`the image took longer than ${timeoutMs} ms to draw`));
          // A stuck renderer is replaced; what it held is refused with it.
          if (worker === w) worker = null;
          void w.terminate();
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        w.postMessage({ id, svg, width });
      });
    },
    async close(): Promise<void> {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}

export type ArtRenderer = ReturnType<typeof createArtRenderer>;
