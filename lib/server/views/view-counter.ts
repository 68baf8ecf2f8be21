import 'server-only';
import { getDb, type Executor } from '@/db/client';
import { dailySalt, rollUpViews, writeViews, type PendingView } from '@/db/queries/article-views';
import { appConfig } from '@/lib/config/server';
import { dayStartBefore, hourStart, newDailySalt, readerDigest, utcDay } from '@/lib/views/counting';

/*
 * The view counter of one app server (docs/decisions/0033). A view is reduced at once to a story,
 * a day, an hour and a digest of the reader under the day's salt, and buffered; the buffer is
 * written in one statement on an interval (VIEWS_FLUSH_SECONDS) or when it fills. Whether a reader
 * was already counted is for the database to say, so any number of servers may count side by side.
 * Once an hour, a flush also folds old hourly totals into daily ones and forgets past days' readers.
 */

/** Views held before a flush is started without waiting for the interval. */
export const FLUSH_AT = 500;
/** Views held at most: beyond this (the database is slow or down) new views are dropped, not queued. */
export const MAX_BUFFERED = 20_000;
/** Hourly totals kept this many whole days before being folded into daily totals. */
export const HOURLY_DAYS = 7;
const ROLL_UP_EVERY_MS = 3600_000;

export interface ViewInput {
  articleId: number;
  address: string;
  userAgent: string;
  at: Date;
}

export class ViewCounter {
  private buffer = new Map<string, PendingView>();
  private salts = new Map<string, Promise<string>>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushing: Promise<number> | null = null;
  private lastRollUp = 0;

  constructor(
    private readonly db: () => Executor,
    private readonly flushSeconds: number,
  ) {}

  /** Buffers one reader's view of a story; the reader is not kept, only their digest for the day. */
  async record({ articleId, address, userAgent, at }: ViewInput): Promise<void> {
    const day = utcDay(at);
    const digest = readerDigest(await this.saltOf(day), address, userAgent);
    const key = `${day} ${articleId} ${digest}`;
    if (this.buffer.has(key) || this.buffer.size >= MAX_BUFFERED) return;
    this.buffer.set(key, { articleId, day, readerDigest: digest, hour: hourStart(at) });
    this.startTimer();
    if (this.buffer.size >= FLUSH_AT) void this.flush().catch(reportFailure);
  }

  /**
   * Writes what is buffered (one flush at a time) and, at most once an hour, rolls old totals up.
   * Returns the views counted. `now` decides the roll-up's cut and which days are past.
   */
  async flush(now: Date = new Date()): Promise<number> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    const batch = [...this.buffer.values()];
    this.buffer.clear();
    this.flushing = (async () => {
      let counted = 0;
      try {
        for (let i = 0; i < batch.length; i += FLUSH_AT) counted += await writeViews(batch.slice(i, i + FLUSH_AT), this.db());
      } catch (error) {
        // Views are worth little next to the pages: a failed batch is dropped, not retried forever.
        reportFailure(error);
      }
      if (now.getTime() - this.lastRollUp >= ROLL_UP_EVERY_MS) {
        this.lastRollUp = now.getTime();
        await this.rollUp(now);
      }
      return counted;
    })();
    try {
      return await this.flushing;
    } finally {
      this.flushing = null;
    }
  }

  /** Folds hourly totals older than HOURLY_DAYS whole days, and forgets readers and salts of past days. */
  async rollUp(now: Date): Promise<void> {
    const today = utcDay(now);
    for (const day of this.salts.keys()) if (day < today) this.salts.delete(day);
    try {
      await rollUpViews(dayStartBefore(now, HOURLY_DAYS), today, this.db());
    } catch (error) {
      reportFailure(error);
    }
  }

  /** Views waiting to be written. */
  get pending(): number {
    return this.buffer.size;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private saltOf(day: string): Promise<string> {
    let salt = this.salts.get(day);
    if (!salt) {
      salt = dailySalt(day, newDailySalt(), this.db());
      // A failed read is forgotten, so the next view asks again.
      salt.catch(() => this.salts.delete(day));
      this.salts.set(day, salt);
    }
    return salt;
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.buffer.size > 0) void this.flush().catch(reportFailure);
    }, this.flushSeconds * 1000);
    // The interval never keeps the process alive by itself (a server stopping, a script ending).
    this.timer.unref?.();
  }
}

function reportFailure(error: unknown) {
  console.error('[midad] Views could not be written:', error instanceof Error ? error.message : error);
}

const holder = globalThis as typeof globalThis & { __midadViewCounter?: ViewCounter };

/** This process's counter, writing through the app's database. */
export function viewCounter(): ViewCounter {
  holder.__midadViewCounter ??= new ViewCounter(getDb, appConfig().viewsFlushSeconds);
  return holder.__midadViewCounter;
}
