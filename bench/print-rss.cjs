// Preloaded by the many-stores bench (`node -r bench/print-rss.cjs dist/cli.js …`): prints the
// process's peak RSS, worker threads included, on stderr as it exits.
const { writeSync } = require('node:fs');
process.on('exit', () => {
  writeSync(2, `\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
