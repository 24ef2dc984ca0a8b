// The journal (issue 9): every request the emulator answered, in memory and bounded, readable with
// filters (admin API GET /_emulator/requests, startEmulator().requests()), optionally appended to
// a file as JSON lines. Entries are made at the edge (src/http/journal.ts).
import type { StopReason } from './responder/types.js';

export interface ReplySummary {
  stopReason: StopReason;
  /** Characters of answer text. */
  textLength: number;
  /** The answer's first characters (up to 200). */
  text: string;
  toolNames: string[];
  fault?: string;
}

export interface JournalEntry {
  /** 1, 2, 3, … in arrival order. */
  seq: number;
  operation: string;
  /** The model id as the caller sent it (path parameter), or null for routes without one. */
  modelId: string | null;
  /** The base model it resolved to, when the request reached the responder. */
  resolvedModelId?: string;
  method: string;
  path: string;
  /** Lower-case names; Authorization reduced to its access key id, or "Bearer …". */
  headers: Record<string, string>;
  /** The request body as parsed JSON (a string when it is not JSON, null when empty or unread). */
  body: unknown;
  status: number;
  /** The error's type (x-amzn-ErrorType's name), when the answer is an error. */
  errorType?: string;
  /** The id of the rule that answered. */
  ruleId?: string;
  reply?: ReplySummary;
  /** For streams: the events sent so far, in order (`:event-type`, or `exception:<type>`; `cut` for a
   * scripted drop), filled in as the body is written, at most STREAM_EVENTS_LIMIT names. */
  streamEvents?: string[];
  /** ISO time the request arrived. */
  startedAt: string;
  durationMs: number;
}

export interface JournalFilter {
  operation?: string;
  /** Matches the id as sent or as resolved. */
  modelId?: string;
  status?: number;
  /** Entries that started at or after this time (ISO string, or epoch ms). */
  since?: string | number;
  ruleId?: string;
  /** Entries whose seq is greater than this (the inspector page polls for new entries only). */
  afterSeq?: number;
}

export const JOURNAL_LIMIT = 10_000;
/** Stream event names kept per entry: memory stays bounded however long a stream is. */
export const STREAM_EVENTS_LIMIT = 500;

export class Journal {
  private entries: JournalEntry[] = [];
  private seq = 0;

  constructor(
    private readonly limit = JOURNAL_LIMIT,
    /** Called with each entry as it is recorded (the --journal file). */
    private readonly sink?: (entry: JournalEntry) => void,
  ) {}

  nextSeq(): number {
    return ++this.seq;
  }

  record(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    this.sink?.(entry);
  }

  /** Oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    const since = filter.since === undefined ? undefined : typeof filter.since === 'number' ? filter.since : Date.parse(filter.since);
    return this.entries.filter(
      (e) =>
        (filter.operation === undefined || e.operation === filter.operation) &&
        (filter.modelId === undefined || e.modelId === filter.modelId || e.resolvedModelId === filter.modelId) &&
        (filter.status === undefined || e.status === Number(filter.status)) &&
        (filter.ruleId === undefined || e.ruleId === filter.ruleId) &&
        (filter.afterSeq === undefined || e.seq > filter.afterSeq) &&
        (since === undefined || Date.parse(e.startedAt) >= since),
    );
  }

  /** The entry with this seq, if still held. */
  get(seq: number): JournalEntry | undefined {
    return this.entries.find((e) => e.seq === seq);
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}

/** A sink appending each entry to `file` as one JSON line (node:fs fetched when first used). */
export function journalFileSink(file: string): (entry: JournalEntry) => void {
  return (entry) => process.getBuiltinModule('node:fs').appendFileSync(file, `${JSON.stringify(entry)}\n`);
}
