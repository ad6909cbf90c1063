/**
 * The top entries of a V8 CPU profile (`node --cpu-prof`, e.g. from
 * `npx tsx bench/run.ts --contenders=gateway --scenarios=profile --cpu-prof=gateway`):
 * `npx tsx bench/profile-top.ts <file.cpuprofile> [--top=15] [--by=self|total] [--skip-ms=0]`.
 * `--skip-ms` leaves out the first milliseconds of the profile (start-up, warm-up).
 *
 * Self time: samples whose innermost frame is the function. Total time: samples with the function
 * anywhere on the stack (once per sample, so recursion is not counted twice). Functions are keyed
 * by name and place (file:line); paths are shown from node_modules/ or the package root on.
 * Idle, GC and program time are V8's own pseudo-frames and are listed like the others.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const argv = process.argv.slice(2);
const file = argv.find((a) => !a.startsWith('--'));
const option = (name: string, fallback: string) =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
if (!file) {
  console.error('usage: tsx bench/profile-top.ts <file.cpuprofile> [--top=15] [--by=self|total]');
  process.exit(2);
}
const top = Number(option('top', '15'));
const by = option('by', 'self') === 'total' ? 'total' : 'self';
const skipUs = Number(option('skip-ms', '0')) * 1000;

const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

function place(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const dist = url.lastIndexOf('/dist/');
  if (dist >= 0) return url.slice(dist + 1);
  return url.replace(/^file:\/\//, '').replace(/^.*\/(server|datasources|resolvers)\//, '$1/');
}

const keyOf = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName || '(anonymous)';
  return url ? `${name} ${place(url)}:${lineNumber + 1}` : name;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
let elapsed = 0;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  elapsed += delta;
  if (elapsed < skipUs) return;
  all += delta;
  const node = byId.get(id);
  if (!node) return;
  const own = keyOf(node);
  self.set(own, (self.get(own) ?? 0) + delta);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const key = keyOf(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + delta);
  }
});

const busy = all - (self.get('(idle)') ?? 0);
const rows = [...(by === 'self' ? self : total).entries()]
  .filter(([key]) => key !== '(idle)' && key !== '(root)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, top);
const pct = (us: number) => `${((us / busy) * 100).toFixed(1)}%`;
process.stdout.write(
  [
    `${file}: ${(busy / 1000).toFixed(0)} ms busy of ${(all / 1000).toFixed(0)} ms sampled; top ${top} by ${by} time (share of busy)`,
    '',
    '| # | self | total | function |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([key], i) =>
        `| ${i + 1} | ${pct(self.get(key) ?? 0)} | ${pct(total.get(key) ?? 0)} | \`${key}\` |`,
    ),
    '',
  ].join('\n'),
);
