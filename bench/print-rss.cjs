// Preloaded by the bench (`node -r bench/print-rss.cjs dist/cli.js …`): prints the process's
// peak RSS, worker threads included, on stderr as it exits. On Linux it is VmHWM of
// /proc/self/status, the peak of this program's own memory: getrusage's maxRSS would also count
// the benchmark's own memory, which a child forked from it inherits as its high-water mark.
const { readFileSync, writeSync } = require('node:fs');
process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m !== null) kb = Number(m[1]);
  } catch {}
  writeSync(2, `\npeak-rss-kb ${kb}\n`);
});
