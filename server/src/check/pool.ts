// `pythonic check --jobs N`: worker threads that each create the parser once and
// check the files they are handed. The main thread hands out files a few at a
// time, biggest first, so one huge file does not leave the other workers idle at
// the end; the results come back keyed by the file's index, and the caller prints
// them in the sorted order a sequential run uses.
//
// Each worker holds one batch in hand and one queued, so it never waits for the main
// thread between batches.
//
// The worker script is the CLI bundle itself (`new Worker(__filename)`): the
// bundle's entry checks `isCheckWorker()` and runs `workerMain()` instead of `main()`.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createParser } from '../parser';
import { ResultCache } from './cache';
import { CHECK_WORKER_ARG } from './worker-arg';
import { checkFile, newTiming, type CheckOptions, type FileResult, type Timing } from './file';

const WORKER_KIND = 'pythonic-check-worker';

/** True in a thread that `runPool` started (and not, say, when a test runner loads the bundle in some other worker). */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInit> | null)?.kind === WORKER_KIND;
}

interface WorkerInit extends CheckOptions {
  kind: typeof WORKER_KIND;
  /** A `cacheDirectory()` to write results into; null with `--no-cache`. */
  cacheDir: string | null;
  timing: boolean;
}

interface Job {
  index: number;
  file: string;
}

type ToWorker = { type: 'batch'; jobs: Job[] } | { type: 'stop' };
interface FromWorker {
  type: 'results';
  results: Array<{ index: number; result: FileResult }>;
  timing: Timing | null;
}

export interface PoolJob extends Job {
  /** Size in bytes, for handing out the biggest files first. */
  size: number;
}

export interface PoolInput extends Omit<WorkerInit, 'kind'> {
  jobs: PoolJob[];
  workers: number;
  /** The worker script: the running CLI bundle. */
  script: string;
  onResult: (index: number, result: FileResult) => void;
  onTiming?: (timing: Timing) => void;
}

/**
 * Checks `jobs` on `workers` threads (at most one per job). Resolves when every
 * result has been delivered and the workers have exited; rejects, stopping the
 * other workers, when one of them fails.
 */
export function runPool({ jobs, workers, script, onResult, onTiming, ...init }: PoolInput): Promise<void> {
  // Longest first (stable for equal sizes): the last batches are then the small files.
  const queue = [...jobs].sort((a, b) => b.size - a.size || a.index - b.index);
  let next = 0;
  let remainingBytes = queue.reduce((sum, j) => sum + j.size, 0);
  const count = Math.max(1, Math.min(workers, queue.length));
  let pending = queue.length;

  /** Guided self-scheduling by bytes: about 1/(8·workers) of what is left, 1 to 16 files. */
  const nextBatch = (): Job[] => {
    const target = remainingBytes / (count * 8);
    const batch: Job[] = [];
    let bytes = 0;
    while (next < queue.length && (batch.length === 0 || (bytes < target && batch.length < 16))) {
      const job = queue[next++];
      bytes += job.size;
      batch.push({ index: job.index, file: job.file });
    }
    remainingBytes -= bytes;
    return batch;
  };

  return new Promise<void>((resolve, reject) => {
    const threads: Worker[] = [];
    let failed = false;
    let exited = 0;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const t of threads) void t.terminate();
      reject(error);
    };
    /** The batches each worker was handed and has not answered yet. */
    const unanswered = new Map<Worker, number>();
    /** Workers told to stop: nothing more is handed to them. */
    const stopped = new Set<Worker>();
    const feed = (worker: Worker) => {
      if (stopped.has(worker)) return;
      const batch = nextBatch();
      if (batch.length > 0) unanswered.set(worker, (unanswered.get(worker) ?? 0) + 1);
      else stopped.add(worker);
      worker.postMessage((batch.length > 0 ? { type: 'batch', jobs: batch } : { type: 'stop' }) satisfies ToWorker);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { argv: [CHECK_WORKER_ARG], workerData: { ...init, kind: WORKER_KIND } satisfies WorkerInit });
      threads.push(worker);
      worker.on('message', (message: FromWorker) => {
        if (failed) return;
        unanswered.set(worker, unanswered.get(worker)! - 1);
        for (const { index, result } of message.results) {
          pending--;
          onResult(index, result);
        }
        if (message.timing) onTiming?.(message.timing);
        feed(worker);
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (failed) return;
        if (unanswered.get(worker)! > 0) return fail(new Error(`a worker thread exited (code ${code}) before it finished its files`));
        if (++exited === count) {
          if (pending > 0) fail(new Error(`${pending} files were never checked`));
          else resolve();
        }
      });
      // Two batches at first, then one per answer: the worker always has the next batch in
      // its queue when it finishes one, instead of waiting for the answer's round trip.
      feed(worker);
      feed(worker);
    }
  });
}

/** The worker thread's side: create the parser once, then check each batch it is handed. */
export async function workerMain(): Promise<void> {
  const init = workerData as WorkerInit;
  const port = parentPort!;
  const parser = await createParser();
  const cache = init.cacheDir === null ? null : new ResultCache(init.cacheDir);
  // Fault injection for the tests of the pool's failure paths (test/cli-parallel.test.ts): on
  // its first batch the worker ends its thread ('exit') or throws ('throw').
  const fault = process.env.PYTHONIC_TEST_WORKER_FAULT;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'stop') {
      port.close();
      return;
    }
    if (fault === 'exit') process.exit(3);
    if (fault === 'throw') throw new Error('fault injected by PYTHONIC_TEST_WORKER_FAULT');
    const timing = init.timing ? newTiming() : undefined;
    const results = message.jobs.map(({ index, file }) => ({ index, result: checkFile(file, parser, init, cache, timing) }));
    port.postMessage({ type: 'results', results, timing: timing ?? null } satisfies FromWorker);
  });
}
