import { fullPicture } from './full-picture.js';
import { overlap } from './overlap.js';
import { profile } from './profile.js';
import { roster } from './roster.js';
import { single } from './single.js';
import { typename } from './typename.js';
import type { Scenario } from './types.js';
import { write } from './write.js';

export const scenarios: Scenario[] = [
  typename,
  single,
  profile,
  roster,
  overlap,
  write,
  fullPicture,
];

export function scenarioByName(name: string): Scenario {
  const scenario = scenarios.find((s) => s.name === name);
  if (!scenario) throw new Error(`No scenario ${JSON.stringify(name)}`);
  return scenario;
}
