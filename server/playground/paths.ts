// Where the playground's sources and bundle live, and which files a build writes. Kept apart from
// build.ts so the server can find a prebuilt bundle without loading esbuild.
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { rootDir } from '../root.js';

/** This folder: the sources of the playground (found from the root: the server may run bundled). */
export const playgroundSourceDir = join(rootDir, 'server', 'playground');

/** Where the bundle goes (gitignored). */
export const playgroundDistDir = join(playgroundSourceDir, 'dist');

/** The repository root; esbuild's metafile paths are relative to it. */
export const playgroundRootDir = rootDir;

/** The files a build writes, by role. */
export const playgroundFiles = {
  js: 'playground.js',
  css: 'playground.css',
  /** The build's input files, so assets.ts can tell whether the bundle is stale. */
  inputs: 'inputs.json',
} as const;

/** The input files of a build, relative to the repository root, as inputs.json lists them. */
export function buildInputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs);
}
