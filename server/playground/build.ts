// Bundles the playground (app.tsx: GraphiQL, React, CodeMirror, their CSS) with esbuild into
// dist/playground.js and dist/playground.css. Fonts and images are inlined as data: URLs so the
// page needs nothing but these two files. Run it with `tsx server/playground/build.ts`; the
// server also calls it when dist/ is missing or older than its inputs (see assets.ts).
import { mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  buildInputs,
  playgroundDistDir,
  playgroundFiles,
  playgroundRootDir,
  playgroundSourceDir,
} from './paths.js';

export interface PlaygroundBuild {
  outDir: string;
  /** Size in bytes of each file written, by file name. */
  bytes: Record<string, number>;
}

/**
 * Builds the bundle into `outDir`. Each file is written to a scratch folder and renamed into
 * place, so a server reading dist/ while another process (a parallel test worker) builds never
 * sees half a file. Throws with esbuild's messages when the build fails.
 */
export async function buildPlayground(
  outDir: string = playgroundDistDir,
): Promise<PlaygroundBuild> {
  // Loaded here, not at the top: the server bundle inlines this module, and a static import would
  // make every start of dist/main.mjs need esbuild, a build tool a production install leaves out.
  const { build } = await import('esbuild');
  await mkdir(outDir, { recursive: true });
  const scratch = await mkdtemp(join(outDir, '.build-'));
  try {
    const result = await build({
      absWorkingDir: playgroundRootDir,
      entryPoints: { playground: join(playgroundSourceDir, 'app.tsx') },
      outdir: scratch,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      jsx: 'automatic',
      // React and graphql-js pick their production builds from this.
      define: { 'process.env.NODE_ENV': '"production"' },
      // Inline every asset: a second request per font is a second chance to break offline.
      loader: {
        '.woff': 'dataurl',
        '.woff2': 'dataurl',
        '.ttf': 'dataurl',
        '.svg': 'dataurl',
        '.png': 'dataurl',
        '.gif': 'dataurl',
      },
      legalComments: 'eof',
      charset: 'utf8',
      metafile: true,
      logLevel: 'silent',
    });
    await writeFile(
      join(scratch, playgroundFiles.inputs),
      JSON.stringify(buildInputs(result.metafile)),
    );
    const bytes: Record<string, number> = {};
    for (const name of Object.values(playgroundFiles)) {
      const from = join(scratch, name);
      bytes[name] = (await stat(from)).size;
      await rename(from, join(outDir, name));
    }
    return { outDir, bytes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const { outDir, bytes } = await buildPlayground();
  const sizes = Object.entries(bytes)
    .map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} KiB`)
    .join(', ');
  const ms = (performance.now() - started).toFixed(0);
  console.log(`playground built in ${ms} ms into ${outDir}: ${sizes}`);
}

// Run as a script only when it is this very file: bundled into the server (npm run build),
// import.meta.url is the bundle's, which is also what the server was started with.
if (process.argv[1] && resolve(process.argv[1]) === join(playgroundSourceDir, 'build.ts')) {
  main().catch((error: unknown) => {
    console.error('playground build failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
