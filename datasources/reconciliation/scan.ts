import type { Apis } from '../loaders.js';
import type { Page } from '../records.js';
import { ReconciliationIndex, type Finding, type IndexSnapshot } from './classifier.js';

/** Each list's largest page (Twilio's maxima): the fewer calls a scan makes, the better. */
export const SCAN_PAGE_SIZES = { flex: 1000, conversations: 50, chat: 100, workers: 1000 } as const;

/** The account's lists a scan walks, Flex first (the others are classified against it). */
export interface ScanTarget {
  flexInstanceSid: string;
  workspaceSid: string;
  /** Chat services to walk (not the Conversations default service: its users are phase 2). */
  chatServiceSids: string[];
}

export type ScanPhase = 'flex' | 'conversations' | 'chat' | 'workers' | 'done';

/** Where the scan is: the list (and, for Chat, which service) and that list's next PageToken. */
export interface ScanCursor {
  phase: ScanPhase;
  chatService: number;
  pageToken: string | null;
}

export interface ScanProgress {
  pages: number;
  /** Records read, over every list. */
  people: number;
  findings: number;
}

/**
 * Everything a scan needs to go on after a restart: JSON-able, taken between pages, when every
 * finding of the pages read so far has been handed to `onFindings`.
 */
export interface ScanCheckpoint {
  target: ScanTarget;
  cursor: ScanCursor;
  progress: ScanProgress;
  index: IndexSnapshot;
}

export interface ScanOptions {
  signal?: AbortSignal;
  /** Resume from here instead of the first page of the Flex list. */
  from?: ScanCheckpoint;
  /** The findings of one page, before the cursor moves past it. */
  onFindings?: (findings: Finding[]) => void | Promise<void>;
  /**
   * After each page: the progress and a way to take a checkpoint (taken only when asked: the
   * index snapshot costs about as much as the index). A job persists it here and waits for its
   * share of the account's budget before the next page.
   */
  onPage?: (progress: ScanProgress, checkpoint: () => ScanCheckpoint) => void | Promise<void>;
}

export interface ScanOutcome {
  status: 'done' | 'cancelled';
  progress: ScanProgress;
  /** Where a resumed scan would start (the end, once done). */
  checkpoint: ScanCheckpoint;
}

type ScanApis = Pick<Apis, 'flex' | 'conversations' | 'chat' | 'taskrouter'>;

/**
 * Walks the Flex users, then the Conversations users, the Chat users of each service and the
 * workers, page by page, classifying each record as it passes: memory is the index of Flex users
 * (see classifier.ts), never a list. Cancelled by `signal` between pages (a page in flight is
 * aborted by the session's own signal, if the caller ties them).
 */
export async function runReconciliationScan(
  apis: ScanApis,
  target: ScanTarget,
  options: ScanOptions = {},
): Promise<ScanOutcome> {
  const from = options.from;
  // A cursor means nothing for other lists: its chat service index, its PageTokens and the index
  // all belong to the target it was taken for.
  if (from && JSON.stringify(from.target) !== JSON.stringify(target)) {
    throw new Error('The checkpoint was taken for another scan target');
  }
  const index = from ? ReconciliationIndex.restore(from.index) : new ReconciliationIndex();
  let cursor: ScanCursor = from
    ? { ...from.cursor }
    : { phase: 'flex', chatService: 0, pageToken: null };
  const progress: ScanProgress = from ? { ...from.progress } : { pages: 0, people: 0, findings: 0 };
  const checkpoint = (): ScanCheckpoint => ({
    target,
    cursor: { ...cursor },
    progress: { ...progress },
    index: index.snapshot(),
  });

  while (cursor.phase !== 'done') {
    if (options.signal?.aborted) return { status: 'cancelled', progress, checkpoint: checkpoint() };
    const found: Finding[] = [];
    const page = await readPage(apis, target, cursor, index, found);
    progress.pages += 1;
    progress.people += page.read;
    if (page.nextPageToken === null) {
      const next = nextPhase(cursor, target);
      // Active Flex users no Conversations user matched are known once that list has ended.
      if (cursor.phase === 'conversations') found.push(...index.unmatchedActive());
      cursor = next;
    } else {
      cursor = { ...cursor, pageToken: page.nextPageToken };
    }
    progress.findings += found.length;
    if (found.length > 0) await options.onFindings?.(found);
    await options.onPage?.({ ...progress }, checkpoint);
  }
  return { status: 'done', progress, checkpoint: checkpoint() };
}

async function readPage(
  apis: ScanApis,
  target: ScanTarget,
  cursor: ScanCursor,
  index: ReconciliationIndex,
  found: Finding[],
): Promise<{ read: number; nextPageToken: string | null }> {
  const classify = <T>(page: Page<T>, each: (item: T) => Finding[] | void) => {
    for (const item of page.items) {
      const findings = each(item);
      if (findings) found.push(...findings);
    }
    return { read: page.items.length, nextPageToken: page.nextPageToken };
  };
  const request = (pageSize: number) => ({ pageSize, pageToken: cursor.pageToken });
  switch (cursor.phase) {
    case 'flex':
      return classify(
        await apis.flex.listFlexUsers(target.flexInstanceSid, request(SCAN_PAGE_SIZES.flex)),
        (user) => index.addFlexUser(user),
      );
    case 'conversations':
      return classify(
        await apis.conversations.listUsers(request(SCAN_PAGE_SIZES.conversations)),
        (user) => index.conversationsUser(user),
      );
    case 'chat':
      return classify(
        await apis.chat.listUsers(
          target.chatServiceSids[cursor.chatService]!,
          request(SCAN_PAGE_SIZES.chat),
        ),
        (user) => index.chatUser(user),
      );
    case 'workers':
      return classify(
        await apis.taskrouter.listWorkers(
          target.workspaceSid,
          {},
          request(SCAN_PAGE_SIZES.workers),
        ),
        (worker) => index.worker(worker),
      );
    case 'done':
      return { read: 0, nextPageToken: null };
  }
}

function nextPhase(cursor: ScanCursor, target: ScanTarget): ScanCursor {
  const start = (phase: ScanPhase, chatService = 0): ScanCursor => ({
    phase,
    chatService,
    pageToken: null,
  });
  switch (cursor.phase) {
    case 'flex':
      return start('conversations');
    case 'conversations':
      return target.chatServiceSids.length > 0 ? start('chat') : start('workers');
    case 'chat':
      return cursor.chatService + 1 < target.chatServiceSids.length
        ? start('chat', cursor.chatService + 1)
        : start('workers');
    default:
      return start('done');
  }
}
