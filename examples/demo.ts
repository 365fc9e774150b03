/**
 * `npm run demo`: evaluates the sample store through the command line, exactly as a user would
 * run `npx jd-weather-vane score examples/sample-store.json --as-of 2026-11-23`.
 */
import { runCli } from '../src/cli/run.js';

const code = await runCli(
  [
    'score',
    'examples/sample-store.json',
    '--as-of',
    '2026-11-23',
    '--peers',
    'examples/sample-peers.json',
  ],
  {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  },
);
process.exitCode = code;
