/**
 * Fails when an installed package says it does not run on this Node: the same test npm makes
 * before printing `EBADENGINE` (npm-install-checks: `semver.satisfies(node, engines.node,
 * { includePrerelease: true })`, so an unparseable range fails too), but an exit code instead of a
 * warning nobody reads.
 *
 *   npm run check:engines            # this project's node_modules
 *   npm run check:engines -- bench   # the benchmark's own install (after npm run bench:install)
 *
 * It reads what is installed (every package.json under node_modules, nested ones included), not
 * the lockfile, so it also sees what a manual `npm install` added.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { satisfies } from 'semver';

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: unknown };
}

interface Refusal {
  name: string;
  path: string;
  wants: string;
}

const node = process.versions.node;

function readManifest(directory: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** The package directories directly inside a node_modules folder (`x` and `@scope/x`). */
function packagesIn(nodeModules: string): string[] {
  let entries;
  try {
    entries = readdirSync(nodeModules, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .flatMap((entry) =>
      entry.name.startsWith('@')
        ? readdirSync(join(nodeModules, entry.name), { withFileTypes: true })
            .filter((scoped) => scoped.isDirectory())
            .map((scoped) => join(nodeModules, entry.name, scoped.name))
        : [join(nodeModules, entry.name)],
    );
}

function check(root: string): { checked: number; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  let checked = 0;
  const visit = (directory: string) => {
    const manifest = readManifest(directory);
    if (manifest) {
      checked += 1;
      const wants = manifest.engines?.node;
      if (typeof wants === 'string' && !satisfies(node, wants, { includePrerelease: true })) {
        refusals.push({
          name: `${manifest.name ?? '?'}@${manifest.version ?? '?'}`,
          path: relative(process.cwd(), directory) || '.',
          wants,
        });
      }
    }
    for (const child of packagesIn(join(directory, 'node_modules'))) visit(child);
  };
  visit(root);
  return { checked, refusals };
}

const roots = process.argv.slice(2);
let failed = false;
for (const root of roots.length > 0 ? roots : ['.']) {
  const { checked, refusals } = check(root);
  if (checked <= 1) {
    console.error(`check-engines: nothing installed under ${join(root, 'node_modules')}`);
    failed = true;
    continue;
  }
  if (refusals.length === 0) {
    console.log(`check-engines: ${root}: all ${checked} packages accept Node ${node}`);
    continue;
  }
  failed = true;
  console.error(
    `check-engines: ${root}: ${refusals.length} of ${checked} installed packages refuse Node ${node}:`,
  );
  for (const refusal of refusals.sort((a, b) => a.path.localeCompare(b.path))) {
    console.error(`  ${refusal.name} needs node ${refusal.wants} (${refusal.path})`);
  }
  console.error(
    'Pin a version that accepts it in "overrides" (package.json) and give the reason in the commit.',
  );
}
process.exitCode = failed ? 1 : 0;
