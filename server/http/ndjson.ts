import type { Request, Response } from 'express';

export const NDJSON = 'application/x-ndjson';

/** True when the client asked for a stream of JSON lines rather than one JSON body. */
export function acceptsNdjson(req: Request): boolean {
  return req.accepts(['application/json', NDJSON]) === NDJSON;
}

export type SendLine = (line: object) => void;

/**
 * Answers with 200 and one JSON object per line while `work` runs, then `toLine(result)` as the
 * last line. Once the head is out the status cannot change, so an error becomes the last line
 * `{ type: 'error', status, error }`: `work`'s error is rethrown to the app's one error handler
 * (server/errors.ts), which still decides status and body and logs the unexpected, and whose
 * `res.status().json()` is turned into that line. One conversion for both kinds of answer.
 */
export async function streamNdjson<T>(res: Response, work: (send: SendLine) => Promise<T>, toLine: (result: T) => object): Promise<void> {
  res.status(200);
  res.setHeader('Content-Type', NDJSON);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no'); // a proxy (nginx) must pass each line on as it comes
  res.flushHeaders();
  const send: SendLine = (line) => {
    if (!res.writableEnded && !res.destroyed) res.write(`${JSON.stringify(line)}\n`);
  };
  try {
    const result = await work(send);
    send(toLine(result));
    res.end();
  } catch (err) {
    let status = 500;
    res.status = (code: number) => { status = code; return res; };
    res.json = (body: { error?: unknown }) => { send({ type: 'error', status, error: body.error }); res.end(); return res; };
    throw err;
  }
}

/** Lets the first call through, then at most one per `everyMs`: progress comes far faster than anyone reads it. */
export function throttle<A>(fn: (arg: A) => void, everyMs: number, now: () => number = Date.now): (arg: A) => void {
  let last = -Infinity;
  return (arg) => {
    const t = now();
    if (t - last < everyMs) return;
    last = t;
    fn(arg);
  };
}
