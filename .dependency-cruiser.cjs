/**
 * The stages of src/, lowest first: each may import only from itself and the stages before it
 * (docs/architecture.md). `npm run check` runs this (`npm run deps`); a new folder of src/
 * must be placed here or the check fails.
 */
const STAGES = [
  [
    'ground',
    '^src/(ids|errors|_suggest|_escape|_idArena|_packed|decimal|version|model|format)\\.ts$',
  ],
  ['time', '^src/time/'],
  ['rules', '^src/rules/'],
  ['schemas', '^src/schemas/'],
  ['engine', '^src/engine/'],
  ['metrics', '^src/metrics/'],
  ['ruleset', '^src/ruleset/'],
  ['scoring', '^src/scoring/'],
  ['scorecard', '^src/scorecard/'],
  ['standing', '^src/standing/'],
  ['evaluate', '^src/evaluate/'],
  ['advice', '^src/advice/'],
  ['values', '^src/values/'],
  ['report', '^src/report/'],
  ['sql', '^src/sql/'],
  ['node', '^src/node/'],
  ['cli', '^src/cli/'],
  ['entry', '^src/index\\.ts$'],
];

const forward = STAGES.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-only-downward`,
  comment: `${name} may import only from the stages before it: ${STAGES.slice(0, i)
    .map(([n]) => n)
    .join(', ')}`,
  severity: 'error',
  from: { path },
  to: { path: STAGES.slice(i + 1).map(([, p]) => p) },
}));

module.exports = {
  forbidden: [
    ...forward,
    {
      name: 'no-circular',
      comment: 'no import cycle, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'every-module-in-a-stage',
      comment: 'every module of src/ belongs to a stage listed in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: STAGES.map(([, p]) => p) },
      to: {},
    },
    {
      name: 'every-imported-module-in-a-stage',
      comment: 'every module of src/ that is imported belongs to a stage',
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: STAGES.map(([, p]) => p) },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
