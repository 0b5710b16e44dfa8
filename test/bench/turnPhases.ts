import type { Server } from 'restify';

// Where a turn's time goes, without a profiler: the bench wraps a few objects' methods so that each call charges
// the time since the last mark to the phase that was running. Phases nest (dialogs call the classifier, state
// loads call storage), so every microsecond goes to exactly one phase; what is in none is "framework" (HTTP
// edge, adapter, activity handler, the bot's own glue, building replies). Only bench servers are wrapped.
// Meant for one request at a time: with turns interleaving, an async phase would be charged for other turns' work.

export const PHASES = ['classify', 'triage', 'dialogs', 'state', 'framework'] as const;
export type Phase = (typeof PHASES)[number];

export class PhaseClock {
  private readonly totals = new Map<Phase, number>(PHASES.map((phase) => [phase, 0]));
  private readonly stack: Phase[] = [];
  private since = 0;
  private inTurn = false;
  turns = 0;

  /** Wraps every method of `target` (own and inherited, up to Object.prototype) to run as `phase`. */
  wrap(target: object, phase: Phase, only?: readonly string[]): void {
    for (let proto = target; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const value = Object.getOwnPropertyDescriptor(proto, name)?.value;
        if (name === 'constructor' || typeof value !== 'function' || (only && !only.includes(name))) continue;
        if (Object.prototype.hasOwnProperty.call(target, name) && proto !== target) continue;
        Object.defineProperty(target, name, { value: this.timed(phase, value as (...args: unknown[]) => unknown), configurable: true, writable: true });
      }
    }
  }

  /** Counts a turn from the request's arrival at `server` to its response leaving. */
  timeTurns(server: Server): void {
    server.pre((req, res, next) => {
      this.inTurn = true;
      this.since = performance.now();
      res.once('finish', () => {
        this.charge();
        this.inTurn = false;
        this.turns++;
      });
      return next();
    });
  }

  reset(): void {
    for (const phase of PHASES) this.totals.set(phase, 0);
    this.turns = 0;
  }

  /** Microseconds per turn in each phase. */
  perTurn(): Record<Phase, number> {
    return Object.fromEntries(PHASES.map((phase) => [phase, ((this.totals.get(phase) ?? 0) * 1000) / Math.max(1, this.turns)])) as Record<Phase, number>;
  }

  private timed(phase: Phase, method: (...args: unknown[]) => unknown) {
    const clock = this;
    return function (this: unknown, ...args: unknown[]) {
      clock.enter(phase);
      let result: unknown;
      try {
        result = method.apply(this, args);
      } catch (error) {
        clock.exit();
        throw error;
      }
      if (result instanceof Promise) {
        return result.finally(() => clock.exit());
      }
      clock.exit();
      return result;
    };
  }

  private enter(phase: Phase): void {
    this.charge();
    this.stack.push(phase);
  }

  private exit(): void {
    this.charge();
    this.stack.pop();
  }

  private charge(): void {
    const now = performance.now();
    if (this.inTurn) {
      const phase = this.stack[this.stack.length - 1] ?? 'framework';
      this.totals.set(phase, (this.totals.get(phase) ?? 0) + now - this.since);
    }
    this.since = now;
  }
}
