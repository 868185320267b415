/**
 * Analysing a large corpus on worker threads. Files are cut into chunks that
 * idle workers take in turn; the main thread waits synchronously
 * (Atomics.wait, receiveMessageOnPort), so opening a library stays a plain
 * function call. A small corpus, a one-core machine, or a worker that cannot
 * start means the main thread analyses everything itself: same results.
 */
import { availableParallelism } from "node:os";
import { MessageChannel, type MessagePort, Worker, isMainThread, receiveMessageOnPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { FROM_SOURCE, entryPoint } from "../paths.ts";
import { type ChunkAnalysis, analyzeFiles } from "./analysis.ts";

/** Below this many files, starting workers costs more than it saves. */
export const MIN_PARALLEL_FILES = 1500;
const CHUNK_FILES = 400;
const MAX_THREADS = 4;
/** A worker that has sent nothing for this long is taken to be stuck. */
const STALL_MS = 120_000;

interface Job {
  kind: "daleel-analysis";
  chunks: string[][];
  /** [next chunk to take, chunks finished] */
  state: SharedArrayBuffer;
  port: MessagePort;
}

type Message = { chunk: number; result: ChunkAnalysis } | { chunk: number; error: string };

/** How many threads analyse by default: the machine's cores, at most four. */
export function defaultThreads(): number {
  return Math.min(availableParallelism(), MAX_THREADS);
}

/**
 * Worker bootstrap (CommonJS, evaluated): under tsx the worker must register
 * tsx itself before importing this TypeScript module.
 */
const BOOT = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.module);
})().catch((error) => {
  workerData.job.port.postMessage({ chunk: -1, error: String((error && error.stack) || error) });
  const state = new Int32Array(workerData.job.state);
  Atomics.add(state, 1, 1);
  Atomics.notify(state, 1);
});`;

function chunksOf(files: readonly string[], size: number): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += size) chunks.push(files.slice(i, i + size));
  return chunks;
}

export interface ParallelOptions {
  threads?: number;
  /** Fewer files than this are analysed on the calling thread (default MIN_PARALLEL_FILES). */
  minFiles?: number;
  /** Files per chunk (default 400, fewer when that would leave a thread idle). */
  chunkFiles?: number;
  /** Hears why the workers were given up on (the rest is then analysed on this thread), e.g. to log it. */
  onWorkerError?: (error: Error) => void;
}

/**
 * Loads and analyses files on worker threads when there are enough of them,
 * yielding the chunks in order as soon as each is ready (so the caller can
 * index one chunk while the workers analyse the next). Together the chunks
 * hold the same analyses as `analyzeFiles(files)`. If a worker fails, the
 * chunks not yet yielded are analysed on this thread.
 */
export function* analyzeFilesInParallel(files: readonly string[], options: ParallelOptions = {}): Generator<ChunkAnalysis> {
  const threads = options.threads ?? defaultThreads();
  if (threads < 2 || files.length < (options.minFiles ?? MIN_PARALLEL_FILES)) {
    // On this thread too, a chunk at a time, so the caller can index and report as it goes.
    for (const chunk of chunksOf(files, options.chunkFiles ?? CHUNK_FILES)) yield analyzeFiles(chunk);
    return;
  }
  const chunks = chunksOf(files, options.chunkFiles ?? Math.min(CHUNK_FILES, Math.ceil(files.length / threads)));
  let done = 0;
  try {
    for (const chunk of inWorkers(chunks, threads)) {
      yield chunk;
      done++;
    }
  } catch (error) {
    options.onWorkerError?.(error as Error);
    for (const chunk of chunks.slice(done)) yield analyzeFiles(chunk);
  }
}

function* inWorkers(chunks: string[][], threads: number): Generator<ChunkAnalysis> {
  const state = new SharedArrayBuffer(8);
  const counters = new Int32Array(state);
  // This module, as a worker can import it: the source under tsx, dist/parallel.js in the bundle.
  const module = pathToFileURL(entryPoint("src/core/parallel.ts").file).href;
  const tsx = FROM_SOURCE ? import.meta.resolve("tsx/esm/api") : undefined;
  const channels = Array.from({ length: Math.min(threads, chunks.length) }, () => new MessageChannel());
  const workers = channels.map(({ port2 }) => {
    const job: Job = { kind: "daleel-analysis", chunks, state, port: port2 };
    return new Worker(BOOT, { eval: true, workerData: { tsx, module, job }, transferList: [port2] });
  });
  try {
    const arrived = new Map<number, ChunkAnalysis>();
    let received = 0;
    let lastNews = Date.now();
    for (let next = 0; next < chunks.length; ) {
      const ready = arrived.get(next);
      if (ready) {
        arrived.delete(next++);
        yield ready;
        continue;
      }
      const finished = Atomics.load(counters, 1);
      if (finished === received) Atomics.wait(counters, 1, finished, 1000);
      for (const { port1 } of channels) {
        for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
          const message = m.message as Message;
          if ("error" in message) throw new Error(`analysis worker failed: ${message.error}`);
          arrived.set(message.chunk, message.result);
          received++;
          lastNews = Date.now();
        }
      }
      if (Date.now() - lastNews > STALL_MS) throw new Error("analysis workers stalled");
    }
  } finally {
    for (const worker of workers) void worker.terminate();
    for (const { port1 } of channels) port1.close();
  }
}

/** In a worker: take chunks until none are left, sending each result back. */
function work(job: Job): void {
  const counters = new Int32Array(job.state);
  for (let chunk = Atomics.add(counters, 0, 1); chunk < job.chunks.length; chunk = Atomics.add(counters, 0, 1)) {
    let message: Message;
    try {
      message = { chunk, result: analyzeFiles(job.chunks[chunk]!) };
    } catch (error) {
      message = { chunk, error: String((error as Error).stack ?? error) };
    }
    job.port.postMessage(message);
    Atomics.add(counters, 1, 1);
    Atomics.notify(counters, 1);
  }
  job.port.close();
}

const job = (workerData as { job?: Job } | null)?.job;
if (!isMainThread && job?.kind === "daleel-analysis") work(job);
