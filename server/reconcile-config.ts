/** The reconciliation job's settings (docs/reconciliation.md). */
export interface ReconcileConfig {
  /** Share of the account's Twilio throughput a job takes when its start asks for none. */
  budgetShare: number;
  /** The most a start may ask for: above it, a userError. */
  maxBudgetShare: number;
  /** How long a finished job and its findings are kept. */
  retentionHours: number;
  /** A checkpoint once this many pages and this many seconds have passed, whichever is later. */
  checkpointPages: number;
  checkpointSeconds: number;
  /** With Redis: the running replica's lease; a job whose lease lapsed is resumed elsewhere. */
  leaseMs: number;
}

type Int = (name: string, fallback: number, min: number, max: number) => number;

/** RECONCILE_*: validated like every other setting (`fail` makes the ConfigError). */
export function reconcileConfig(
  read: (name: string) => string | undefined,
  int: Int,
  fail: (message: string) => Error,
): ReconcileConfig {
  const share = (name: string, fallback: number) => {
    const value = read(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 1) {
      throw fail(`${name} must be a number above 0 and at most 1, got ${JSON.stringify(value)}`);
    }
    return parsed;
  };
  const budgetShare = share('RECONCILE_BUDGET_SHARE', 0.2);
  const maxBudgetShare = share('RECONCILE_MAX_BUDGET_SHARE', 0.5);
  if (budgetShare > maxBudgetShare) {
    throw fail('RECONCILE_BUDGET_SHARE must not be above RECONCILE_MAX_BUDGET_SHARE');
  }
  return {
    budgetShare,
    maxBudgetShare,
    retentionHours: int('RECONCILE_RETENTION_HOURS', 24, 1, 24 * 90),
    checkpointPages: int('RECONCILE_CHECKPOINT_PAGES', 20, 1, 10_000),
    checkpointSeconds: int('RECONCILE_CHECKPOINT_SECONDS', 30, 0, 3600),
    leaseMs: int('RECONCILE_LEASE_MS', 15_000, 300, 600_000),
  };
}
