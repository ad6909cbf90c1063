/** Writes a bench's report: printed on stdout, and saved as results/<name>.md with the raw .json. */
import { writeFileSync } from 'node:fs';

export function publishResults(name: string, markdown: string, figures: unknown): void {
  process.stdout.write(`${markdown}\n`);
  const results = new URL('../results/', import.meta.url);
  writeFileSync(new URL(`${name}.md`, results), markdown);
  writeFileSync(new URL(`${name}.json`, results), `${JSON.stringify(figures, null, 2)}\n`);
}
