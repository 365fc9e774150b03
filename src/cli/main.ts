#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';
import { runScoreAllWorker } from './_scoreAllStore.js';
import { setScoreAllWorkerScript } from './commands/scoreAll.js';
import { runCli } from './run.js';

// `score --all` starts this same file on its worker threads: there it is a worker's loop.
const isScoreAllWorker =
  !isMainThread && (workerData as { jwvScoreAllWorker?: boolean } | null)?.jwvScoreAllWorker;

if (isScoreAllWorker === true) runScoreAllWorker();
else start();

function start(): void {
  // Where there is no import.meta.url, `--all` scores in this thread.
  setScoreAllWorkerScript(
    typeof import.meta.url === 'string' ? new URL(import.meta.url) : undefined,
  );
  // A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not a
  // failure. Stop quietly with success, not with an EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(0);
      throw e;
    });
  }

  void runCli(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
