/**
 * The corpus command's progress on stderr: pairs done, segments per second, time left. On a terminal one line is
 * rewritten in place; otherwise (a log file, a pipe, a test) each finished pair adds a plain line, with no control codes.
 * Time left is estimated from the bytes of the pairs still to do, since a pair's segments are known only once it is read.
 */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** 12,345: by hand, as Intl's first number format loads ICU's locale data (about 50 ms) while a worker waits for work. */
const count = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ",");

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export class CorpusProgress {
  private pairsDone = 0;
  private bytesDone = 0;
  private segmentsDone = 0;
  private readonly started = performance.now();

  constructor(
    private readonly stream: ProgressStream,
    private readonly pairs: number,
    private readonly bytes: number,
  ) {}

  /** A pair finished (aligned or failed); its line, or the rewritten status line on a terminal. */
  finished(name: string, bytes: number, segments: number) {
    this.pairsDone++;
    this.bytesDone += bytes;
    this.segmentsDone += segments;
    if (this.stream.isTTY) this.stream.write(`\r${this.status()}\x1b[K`);
    else this.stream.write(`${this.status()} (${name})\n`);
  }

  /** A message that must stay on screen (a failure, a note), printed above the status line on a terminal. */
  say(message: string) {
    if (this.stream.isTTY) this.stream.write(`\r\x1b[K${message}\n${this.pairsDone > 0 ? this.status() : ""}`);
    else this.stream.write(`${message}\n`);
  }

  /** Ends the status line on a terminal, so that what follows starts on its own line. */
  end() {
    if (this.stream.isTTY && this.pairsDone > 0) this.stream.write("\n");
  }

  private status(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.segmentsDone / seconds : 0;
    const left = this.bytesDone > 0 ? (seconds * (this.bytes - this.bytesDone)) / this.bytesDone : Number.NaN;
    const tail = this.pairsDone < this.pairs ? `, about ${duration(left)} left` : `, ${duration(seconds)} in all`;
    return `${this.pairsDone}/${this.pairs} pairs, ${count(this.segmentsDone)} segments, ${count(rate)} segments/s${tail}`;
  }
}
