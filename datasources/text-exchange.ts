import type { Dispatcher } from 'undici';

/** An answer read whole: its status, its raw headers (name, value, …) and its body as text. */
export interface TextAnswer {
  status: number;
  rawHeaders: Buffer[];
  text: string;
}

/**
 * One HTTP exchange as an undici dispatch handler, its body collected and decoded as text once
 * it has all arrived. undici's `request()` builds, per call, an AsyncResource, a Readable stream
 * for the body and a parsed object of every header, and takes an AbortSignal (one more
 * AbortController per attempt): a client that reads small JSON bodies whole needs none of them.
 * Errors are undici's own, as `request()` gives them (a timeout's code, a refused connection's).
 */
export class TextExchange implements Dispatcher.DispatchHandlers {
  readonly answer: Promise<TextAnswer>;
  #resolve!: (answer: TextAnswer) => void;
  #reject!: (error: Error) => void;
  #abort: ((reason: Error) => void) | null = null;
  /** Set when aborted before undici handed over its abort function: used as soon as it does. */
  #reason: Error | null = null;
  #status = 0;
  #rawHeaders: Buffer[] = [];
  #chunks: Buffer[] = [];
  #length = 0;

  constructor() {
    this.answer = new Promise<TextAnswer>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** Ends the exchange with `reason` (the answer rejects with it), wherever it is. */
  abort(reason: Error): void {
    if (this.#abort) this.#abort(reason);
    else this.#reason ??= reason;
  }

  onConnect(abort: (reason?: Error) => void): void {
    if (this.#reason) abort(this.#reason);
    else this.#abort = abort;
  }

  onHeaders(status: number, rawHeaders: Buffer[] | null): boolean {
    // 1xx (informational) answers come before the real one.
    if (status < 200) return true;
    this.#status = status;
    this.#rawHeaders = rawHeaders ?? [];
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.#chunks.push(chunk);
    this.#length += chunk.length;
    return true;
  }

  onComplete(): void {
    this.#resolve({
      status: this.#status,
      rawHeaders: this.#rawHeaders,
      text: decode(this.#chunks, this.#length),
    });
  }

  onError(error: Error): void {
    this.#reject(error);
  }
}

/** UTF-8, a byte order mark skipped: as undici's `body.text()` decodes. */
function decode(chunks: Buffer[], length: number): string {
  if (length === 0) return '';
  const buffer = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
  const bom = buffer.length > 2 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  return buffer.toString('utf8', bom ? 3 : 0);
}
