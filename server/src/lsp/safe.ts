/** Handlers never crash the server: errors are logged to the connection console and a neutral value returned. */
export interface Logger { error(message: string): void }

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

export function safe<A extends unknown[], R>(log: Logger, name: string, fallback: R, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      log.error(`[govreport] ${name} failed: ${describeError(err)}`);
      return fallback;
    }
  };
}
