#!/usr/bin/env node
import { runCli } from './run.js';

void runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: process.stderr.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});
