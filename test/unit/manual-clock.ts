// A hand-stepped Clock for the scheduler tests (lsp-scheduler*.test.ts): no timing depends on the machine.
import type { Clock } from '../../server/src/lsp/scheduler';

/** Lets every promise continuation that is ready run (a macrotask turn drains the microtasks). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Time that moves only when `advance` is called; due timers run in time order, each followed by its continuations. */
export class ManualClock implements Clock {
  private t = 0;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  now(): number { return this.t; }
  setTimeout(fn: () => void, ms: number): number {
    this.timers.set(++this.seq, { at: this.t + Math.max(0, ms), fn });
    return this.seq;
  }
  clearTimeout(handle: unknown): void { this.timers.delete(handle as number); }
  sleep(ms: number): Promise<void> { return new Promise((resolve) => this.setTimeout(resolve, ms)); }
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
    await settle();
  }
}
