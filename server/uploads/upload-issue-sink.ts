import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { RowIssue } from './upload-validate.js';
import { insertIssues } from './uploads.repository.js';

/** Issues held before they are written: what a file of nothing but errors costs in memory. */
const HELD = 5000;

/**
 * Where a preview's issues go as the file streams: written in batches in the preview's
 * transaction (so a refused file still saves none), counted as they pass. Reports list them by
 * row (upload_issues_row_order_idx); `seq` is only the order found.
 */
export class IssueSink {
  private held: RowIssue[] = [];
  private written = 0;
  private writing: Promise<void> = Promise.resolve();
  private queued = 0;
  private readonly rowsInError = new Set<number | null>();
  private warningCount = 0;

  constructor(private readonly db: Kysely<DB> | Transaction<DB>, private readonly uploadId: number) {}

  add(...issues: RowIssue[]): void {
    for (const issue of issues) {
      if (issue.severity === 'error') this.rowsInError.add(issue.row);
      else this.warningCount++;
      this.held.push(issue);
    }
    if (this.held.length >= HELD) this.write();
  }

  /**
   * Reading outruns writing (a file of nothing but errors): the reader waits here while more
   * than one batch is queued, or the queue would hold the whole file's issues after all.
   */
  get behind(): boolean { return this.queued > 1; }
  /** Rows with an error so far (a whole-file error counts as one). */
  get errorRows(): number { return this.rowsInError.size; }
  async drain(): Promise<void> { await this.writing; }

  /** Waits for the writes so far: a failed one fails here, and with it the preview. */
  async close(): Promise<{ errorRows: number; warnings: number }> {
    this.write();
    await this.writing;
    return { errorRows: this.rowsInError.size, warnings: this.warningCount };
  }

  private write(): void {
    if (!this.held.length) return;
    const batch = this.held, first = this.written;
    this.held = [];
    this.written += batch.length;
    this.queued++;
    this.writing = this.writing.then(() => insertIssues(this.db, this.uploadId, batch, first)).finally(() => { this.queued--; });
    // Awaited by close(); until then a failure must not count as unhandled.
    this.writing.catch(() => {});
  }
}
