// What an orchestrator asks the gateway. Liveness and readiness look at this process only: were
// they to depend on Twilio, one Twilio incident would restart or unroute every replica at once,
// though each could still answer what needs no Twilio and recover the moment Twilio does.
import type { FastifyInstance } from 'fastify';
import type { ReachabilityWatch } from '../datasources/reachability.js';

/** The probe routes, for the deployment manifests (test/deploy checks them against these). */
export const PROBE_PATHS = {
  /** Liveness: the process answers HTTP, so its event loop turns. */
  health: '/health',
  /** Readiness: listening, configured, and not shutting down. */
  ready: '/ready',
  /** Whether each Twilio host answers; for people and dashboards, never a probe. */
  upstreams: '/upstreams',
} as const;

/** A Twilio host is asked again at most this often, however often /upstreams or /metrics is read. */
export const UPSTREAM_CHECK_MAX_AGE_MS = 15_000;

export interface ProbeOptions {
  /** True from the moment shutdown begins. */
  isDraining(): boolean;
  upstreams: ReachabilityWatch;
}

export function registerProbes(app: FastifyInstance, options: ProbeOptions): void {
  // A blocked event loop cannot answer at all, so the probe's own timeout is the responsiveness
  // check; a threshold on event-loop delay here would restart replicas for being busy.
  app.get(PROBE_PATHS.health, () => ({ status: 'ok' }));
  // Routes exist only once the configuration was loaded and Apollo started, and the server
  // listens only after that, so an answer at all means configured; 503 while draining lets a load
  // balancer that watches readiness take this replica out before it stops listening.
  app.get(PROBE_PATHS.ready, (_request, reply) =>
    options.isDraining()
      ? reply.code(503).send({ status: 'draining' })
      : reply.send({ status: 'ready' }),
  );
  app.get(PROBE_PATHS.upstreams, () => options.upstreams.current());
}
