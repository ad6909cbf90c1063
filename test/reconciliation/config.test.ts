import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('RECONCILE_* settings', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({}).reconcile).toEqual({
      budgetShare: 0.2,
      maxBudgetShare: 0.5,
      retentionHours: 24,
      checkpointPages: 20,
      checkpointSeconds: 30,
      leaseMs: 15_000,
    });
  });

  it.each([
    [{ RECONCILE_BUDGET_SHARE: '0' }, /RECONCILE_BUDGET_SHARE must be a number above 0/],
    [{ RECONCILE_BUDGET_SHARE: 'lots' }, /RECONCILE_BUDGET_SHARE must be a number above 0/],
    [{ RECONCILE_MAX_BUDGET_SHARE: '1.5' }, /RECONCILE_MAX_BUDGET_SHARE must be a number/],
    [{ RECONCILE_BUDGET_SHARE: '0.6' }, /must not be above RECONCILE_MAX_BUDGET_SHARE/],
    [{ RECONCILE_RETENTION_HOURS: '0' }, /RECONCILE_RETENTION_HOURS must be a whole number/],
    [{ RECONCILE_LEASE_MS: '10' }, /RECONCILE_LEASE_MS must be a whole number/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
