/**
 * Per-folder mutation scores from Stryker's incremental report (`npm run mutation` writes it):
 * `npx tsx scripts/mutation-summary.ts [--survivors]`.
 *
 * Score = detected / (detected + undetected), as Stryker counts it: detected are killed and
 * timed-out mutants, undetected survived and uncovered ones; ignored, static-ignored and
 * compile-error mutants are left out.
 */
import { readFileSync } from 'node:fs';

interface Mutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}
interface Report {
  readonly files: Record<string, { readonly source: string; readonly mutants: Mutant[] }>;
}

const report = JSON.parse(readFileSync('test/mutation/stryker-incremental.json', 'utf8')) as Report;
const folders = new Map<string, { killed: number; survived: number; other: number }>();
const survivors: string[] = [];
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  const folder = file.split('/').slice(0, 2).join('/');
  const f = folders.get(folder) ?? { killed: 0, survived: 0, other: 0 };
  folders.set(folder, f);
  const lines = source.split('\n');
  for (const m of mutants) {
    if (m.status === 'Killed' || m.status === 'Timeout') f.killed++;
    else if (m.status === 'Survived' || m.status === 'NoCoverage') {
      f.survived++;
      const line = m.location.start.line;
      survivors.push(
        `${file}:${line} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}\n    ${(lines[line - 1] ?? '').trim()}`,
      );
    } else f.other++;
  }
}
console.log('| folder | killed | survived | score |\n|---|---:|---:|---:|');
for (const [folder, f] of [...folders].sort()) {
  const score = (100 * f.killed) / Math.max(1, f.killed + f.survived);
  console.log(`| ${folder} | ${f.killed} | ${f.survived} | ${score.toFixed(2)}% |`);
}
if (process.argv.includes('--survivors')) console.log(survivors.join('\n'));
