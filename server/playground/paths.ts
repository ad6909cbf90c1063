// Where the playground's sources and bundle live, and which files a build writes. Kept apart from
// build.ts so the server can find a prebuilt bundle without loading esbuild.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';

/** This folder: the sources of the playground. */
export const playgroundSourceDir = dirname(fileURLToPath(import.meta.url));

/** Where the bundle goes (gitignored). */
export const playgroundDistDir = join(playgroundSourceDir, 'dist');

/** The repository root; esbuild's metafile paths are relative to it. */
export const playgroundRootDir = resolve(playgroundSourceDir, '../..');

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
