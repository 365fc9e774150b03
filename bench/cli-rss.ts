/**
 * `node --import tsx bench/cli-rss.ts <store> <as-of>`: runs the CLI in this process on a store
 * (a folder or a .json file) and prints the process's peak RSS in MB on stdout, for the
 * benchmark's `largeCliPeakRssMb` (the scorecard itself goes nowhere).
 */
import { runCli } from '../src/cli/run.js';

const [store, asOf] = process.argv.slice(2);
const code = await runCli(['score', store ?? '', '--as-of', asOf ?? '', '--json', '--quiet'], {
  stdout: () => {},
  stderr: (s) => process.stderr.write(s),
});
if (code !== 0) process.exit(code);
process.stdout.write(`${Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10}\n`);
