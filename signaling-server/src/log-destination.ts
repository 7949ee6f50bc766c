/**
 * The log file as a destination that never brings the server down: a failed write (ENOSPC on a
 * full disk, EIO, a removed folder) drops the line, marks the log failing for the health route,
 * says so once on stderr (journald or the supervisor keeps that elsewhere), and retries at most
 * once a second. When a write succeeds again the log gets one line saying how many were lost.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DestinationStream } from 'pino';
import type { CheckState } from './db/storage-health';

/** Appends JSON lines to a file; write errors are counted, never thrown. */
export class FileLogDestination implements DestinationStream {
  private fd: number | null = null;
  private current: CheckState = 'ok';
  private lost = 0;
  private retryAt = 0;
  // A line cut short by the failure: the next write starts a new line.
  private cut = false;

  constructor(
    private readonly path: string,
    private readonly stderr: { write(text: string): unknown } = process.stderr,
    private readonly now: () => number = Date.now,
    private readonly retryMs = 1000,
  ) {}

  /** ok, or failing since the last failed write. */
  get state(): CheckState {
    return this.current;
  }

  /** Writes one line; on failure drops it (and those until the next retry). */
  write(line: string): void {
    if (this.current === 'failing' && this.now() < this.retryAt) {
      this.lost++;
      return;
    }
    try {
      if (this.current === 'failing') {
        const note = JSON.stringify({
          level: 40,
          time: this.now(),
          lost: this.lost,
          msg: `log writes failed; ${this.lost} ${this.lost === 1 ? 'line was' : 'lines were'} lost`,
        });
        this.writeAll(`${this.cut ? '\n' : ''}${note}\n`);
        this.current = 'ok';
        this.cut = false;
        this.lost = 0;
        this.stderr.write(`rvw-server: the log file ${this.path} can be written again.\n`);
      }
      this.writeAll(line);
    } catch (err) {
      this.lost++;
      this.retryAt = this.now() + this.retryMs;
      if (this.current === 'ok') {
        this.current = 'failing';
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        this.stderr.write(
          `rvw-server: cannot write the log file ${this.path} (${code}); lines are dropped until it can. The server keeps serving.\n`,
        );
      }
    }
  }

  /** Closes the file. */
  end(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private writeAll(text: string): void {
    if (this.fd === null) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a');
    }
    const buf = Buffer.from(text);
    let off = 0;
    while (off < buf.length) {
      try {
        off += writeSync(this.fd, buf, off);
      } catch (err) {
        if (off > 0) this.cut = true;
        throw err;
      }
    }
  }
}
