/**
 * The deployment files agree with the server they deploy: probe paths and ports with its routes
 * and default port, shutdown timings with its grace, the compose file's credentials with the
 * emulator's seed, and every setting they name with docs/configuration.md.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { startEmulator } from '../../emulator/index.js';
import { loadConfig } from '../../server/config.js';
import { NODE_FLAGS } from '../../server/heap.js';
import { SHUTDOWN_GRACE_MS } from '../../server/http.js';
import { PROBE_PATHS } from '../../server/probes.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const defaultPort = loadConfig({}).port;
const graceSeconds = SHUTDOWN_GRACE_MS / 1000;

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}
interface Probe {
  httpGet: { path: string; port: string | number };
}
interface Container {
  name: string;
  ports: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe: Probe;
  readinessProbe: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
}
interface Resource {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // The rest differs by kind; each test reads the fields of its own kind.
  spec: Record<string, unknown>;
  data?: Record<string, string>;
}
interface DeploymentSpec {
  selector: { matchLabels: Record<string, string> };
  template: {
    metadata: { labels: Record<string, string> };
    spec: { terminationGracePeriodSeconds: number; containers: Container[] };
  };
}
interface ComposeService {
  image: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  stop_grace_period?: string;
  healthcheck?: { test: string[] };
}

const kubernetes: Resource[] = readdirSync(join(root, 'deploy/kubernetes'))
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) =>
    parseAllDocuments(read(`deploy/kubernetes/${file}`)).map((doc) => doc.toJS() as Resource),
  );
const compose = parse(read('deploy/docker-compose.yml')) as {
  services: Record<string, ComposeService>;
};

function resource(kind: string): Resource {
  const found = kubernetes.filter((r) => r.kind === kind);
  if (found.length !== 1)
    throw new Error(`Expected one ${kind} in deploy/kubernetes, got ${found.length}`);
  return found[0]!;
}

const deployment = resource('Deployment');
const deploymentSpec = deployment.spec as unknown as DeploymentSpec;
const podLabels = deploymentSpec.template.metadata.labels;
const gateway = deploymentSpec.template.spec.containers[0]!;

/** A probe's or Service's port, named or numbered, as the container port it reaches. */
function containerPort(port: string | number): number | undefined {
  if (typeof port === 'number') return port;
  return gateway.ports.find((p) => p.name === port)?.containerPort;
}

/** The final stage of the Dockerfile: instruction name → arguments, continuation lines joined. */
function finalStage(): Map<string, string[]> {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'));
  const stage = lines.slice(lines.findLastIndex((line) => /^FROM\s/i.test(line)));
  const instructions = new Map<string, string[]>();
  for (const line of stage) {
    const [name, ...rest] = line.trim().split(/\s+/);
    instructions.set(name!.toUpperCase(), [
      ...(instructions.get(name!.toUpperCase()) ?? []),
      rest.join(' '),
    ]);
  }
  return instructions;
}

/** Every `NAME` of docs/configuration.md's tables and text. */
const documentedSettings = new Set(read('docs/configuration.md').match(/\b[A-Z][A-Z0-9_]+\b/g));

describe('Dockerfile', () => {
  const stage = finalStage();

  it('exposes the default port and starts the bundle npm run build writes, as a non-root user', () => {
    expect(stage.get('EXPOSE')).toEqual([String(defaultPort)]);
    expect(stage.get('CMD')?.map((args) => JSON.parse(args) as unknown)).toEqual([
      ['node', ...NODE_FLAGS, 'dist/main.mjs'],
    ]);
    const { build, start } = (
      JSON.parse(read('package.json')) as { scripts: Record<string, string> }
    ).scripts;
    // npm start runs the same bundle with the same V8 flags (read only at the process's start).
    expect(start).toContain(`node --enable-source-maps ${NODE_FLAGS.join(' ')} dist/main.mjs`);
    expect(build).toContain('main=server/main.ts');
    expect(build).toContain('emulator=emulator/main.ts');
    expect(build).toContain('--outdir=dist');
    expect(stage.get('USER')).toEqual(['node']);
  });

  it('runs in production mode, listening on every interface', () => {
    const env = new Map(
      (stage.get('ENV') ?? []).flatMap((args) =>
        args.split(/\s+/).map((pair) => pair.split('=') as [string, string]),
      ),
    );
    expect(env.get('NODE_ENV')).toBe('production');
    expect(env.get('HOST')).toBe('0.0.0.0');
    expect(env.has('PORT')).toBe(false);
  });
});

describe('deploy/kubernetes', () => {
  it('probes liveness on /health and readiness on /ready, on the port the gateway listens on', () => {
    expect(gateway.livenessProbe.httpGet.path).toBe(PROBE_PATHS.health);
    expect(gateway.readinessProbe.httpGet.path).toBe(PROBE_PATHS.ready);
    expect(containerPort(gateway.livenessProbe.httpGet.port)).toBe(defaultPort);
    expect(containerPort(gateway.readinessProbe.httpGet.port)).toBe(defaultPort);
    const setsPort = gateway.env?.some((e) => e.name === 'PORT') ?? false;
    expect(setsPort || 'PORT' in (resource('ConfigMap').data ?? {})).toBe(false);
  });

  it('gives the pod longer to stop than preStop and the shutdown grace together', () => {
    const [sleep, seconds] = gateway.lifecycle?.preStop?.exec?.command ?? [];
    expect(sleep).toBe('sleep');
    const sleepSeconds = Number(seconds);
    expect(sleepSeconds).toBeGreaterThan(0);
    expect(deploymentSpec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      sleepSeconds + graceSeconds,
    );
  });

  it('routes the Service, the HPA and the disruption budget to the Deployment’s pods', () => {
    expect(podLabels).toMatchObject(deploymentSpec.selector.matchLabels);
    const service = resource('Service').spec as {
      selector: Record<string, string>;
      ports: { targetPort: string | number }[];
    };
    expect(podLabels).toMatchObject(service.selector);
    expect(service.ports.map((p) => containerPort(p.targetPort))).toEqual([defaultPort]);
    const hpa = resource('HorizontalPodAutoscaler').spec as {
      scaleTargetRef: { kind: string; name: string };
    };
    expect(hpa.scaleTargetRef).toMatchObject({
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    const pdb = resource('PodDisruptionBudget').spec as {
      selector: { matchLabels: Record<string, string> };
    };
    expect(podLabels).toMatchObject(pdb.selector.matchLabels);
  });

  it('keeps every replica together under Twilio’s ~100 concurrent requests per account', () => {
    const { maxReplicas } = resource('HorizontalPodAutoscaler').spec as { maxReplicas: number };
    const cap = Number(resource('ConfigMap').data?.TWILIO_ACCOUNT_CONCURRENCY);
    expect(cap).toBeGreaterThan(0);
    // With a Redis every pod must have, the cap is the deployment's; without, each pod's own.
    const redis = (gateway.env ?? []).find((e) => e.name === 'REDIS_URL');
    const shared = redis !== undefined && !redis.valueFrom?.secretKeyRef?.optional;
    expect(shared ? cap : maxReplicas * cap).toBeLessThanOrEqual(100);
    // While Redis fails, each replica keeps to its share: the same bound, counted per replica.
    expect(maxReplicas * Math.max(1, Math.floor(cap / maxReplicas))).toBeLessThanOrEqual(100);
  });

  it('reads settings from its ConfigMap and the Secret docs/deployment.md creates', () => {
    const configMap = resource('ConfigMap');
    expect(gateway.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    const fromSecret = (gateway.env ?? []).filter((e) => e.valueFrom?.secretKeyRef);
    const secretNames = new Set(fromSecret.map((e) => e.valueFrom!.secretKeyRef!.name));
    expect(secretNames.size).toBe(1);
    const docs = read('docs/deployment.md');
    const start = docs.indexOf(`kubectl create secret generic ${[...secretNames][0]} `);
    expect(start).toBeGreaterThan(-1);
    const created = docs.slice(start, docs.indexOf('```', start));
    for (const { name, valueFrom } of fromSecret) {
      if (!valueFrom!.secretKeyRef!.optional) expect(created).toContain(`--from-literal=${name}=`);
    }
  });

  it('names only documented settings', () => {
    const names = [
      ...Object.keys(resource('ConfigMap').data ?? {}),
      ...(gateway.env ?? []).map((e) => e.name),
    ].filter((name) => name !== 'NODE_OPTIONS');
    expect(names.filter((name) => !documentedSettings.has(name))).toEqual([]);
  });
});

describe('deploy/docker-compose.yml', () => {
  const { emulator, gateway: service } = compose.services;

  it('runs the gateway and the emulator from one image, the emulator from its bundle', () => {
    expect(emulator?.image).toBe(service?.image);
    expect(emulator?.command?.slice(0, 2)).toEqual(['node', 'dist/emulator.mjs']);
  });

  it('publishes the gateway’s default port and checks its health on /ready', () => {
    expect(service?.ports).toEqual([`${defaultPort}:${defaultPort}`]);
    expect(service?.healthcheck?.test.join(' ')).toContain(
      `http://127.0.0.1:${defaultPort}${PROBE_PATHS.ready}`,
    );
  });

  it('lets a drain use its whole grace before Docker kills the gateway', () => {
    const stopSeconds = Number(/^(\d+)s$/.exec(service?.stop_grace_period ?? '')?.[1]);
    expect(stopSeconds).toBeGreaterThan(graceSeconds);
  });

  it('names only documented settings', () => {
    const names = Object.keys(service?.environment ?? {});
    expect(names.filter((name) => !documentedSettings.has(name))).toEqual([]);
  });

  it('points the gateway at the emulator with the first account of the emulator’s fixed seed', async () => {
    const args = emulator?.command ?? [];
    const option = (name: string) => Number(args[args.indexOf(name) + 1]);
    const seeded = await startEmulator({
      port: 0,
      seed: option('--seed'),
      seedUsers: option('--seed-users'),
    });
    try {
      const [account] = seeded.accounts;
      const emulatorUrl = `http://emulator:${emulator?.environment?.PORT}`;
      expect(service?.environment).toMatchObject({
        TWILIO_ACCOUNT_SID: account!.accountSid,
        TWILIO_AUTH_TOKEN: account!.authToken,
        TWILIO_FLEX_INSTANCE_SID: account!.flexInstanceSid,
        TWILIO_CHAT_SERVICE_SIDS: account!.chatServiceSids.join(','),
        TWILIO_FLEX_API_URL: emulatorUrl,
        TWILIO_CONVERSATIONS_API_URL: emulatorUrl,
        TWILIO_CHAT_API_URL: emulatorUrl,
        TWILIO_TASKROUTER_API_URL: emulatorUrl,
      });
    } finally {
      await seeded.close();
    }
  });
});
