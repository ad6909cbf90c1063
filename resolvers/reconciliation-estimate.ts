import type { JobProgress } from '../datasources/reconciliation/job-store.js';
import type { ScanTarget } from '../datasources/reconciliation/scan.js';
import { SCAN_PAGE_SIZES } from '../datasources/reconciliation/scan.js';

export interface Estimate {
  remainingPages: number | null;
  remainingSeconds: number | null;
  fractionDone: number | null;
}

/**
 * Pages still to read, once the Flex user count N is known (after the Flex phase): each other
 * list is sized by N (Conversations N/50, Chat N/100 per service, workers N/1000), less what the
 * current list has read already. Seconds follow from the measured page time and the share (a
 * page costs t / share: t calling, t × (1 − share) / share waiting).
 */
export function estimate(progress: JobProgress, target: ScanTarget, share: number): Estimate {
  if (progress.phase === 'DONE') return { remainingPages: 0, remainingSeconds: 0, fractionDone: 1 };
  if (progress.phase === 'FLEX') {
    return { remainingPages: null, remainingSeconds: null, fractionDone: null };
  }
  const n = progress.flexUsers;
  const pagesOf = (pageSize: number) => Math.max(1, Math.ceil(n / pageSize));
  const conversations = pagesOf(SCAN_PAGE_SIZES.conversations);
  const chat = pagesOf(SCAN_PAGE_SIZES.chat);
  const workers = pagesOf(SCAN_PAGE_SIZES.workers);
  const services = target.chatServiceSids.length;
  // At least one page of the current list is left while the job is in it.
  const left = (estimated: number) => Math.max(1, estimated - progress.phasePages);
  let remaining: number;
  switch (progress.phase) {
    case 'CONVERSATIONS':
      remaining = left(conversations) + chat * services + workers;
      break;
    case 'CHAT':
      remaining = left(chat) + chat * (services - progress.chatService - 1) + workers;
      break;
    default:
      remaining = left(workers);
  }
  const pageSeconds = progress.pages > 0 ? progress.callMs / progress.pages / 1000 : null;
  return {
    remainingPages: remaining,
    remainingSeconds: pageSeconds === null ? null : (remaining * pageSeconds) / share,
    fractionDone: progress.pages / (progress.pages + remaining),
  };
}
