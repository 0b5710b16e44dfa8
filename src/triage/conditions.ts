import type { Condition } from './ruleSet';

const NO_PARTS: readonly Condition[] = [];

/**
 * Evaluates rule conditions over a set of findings.
 * Returns the stated findings that made the condition hold (so a caller can tell which message
 * contributed), or undefined when it does not hold. Every rule is tested on every turn and most do not hold,
 * so the test allocates nothing; only a condition that holds collects its findings.
 */
export class ConditionEvaluator {
  constructor(private readonly derived: Record<string, Condition>) {}

  holds(condition: Condition, present: ReadonlySet<string>): Set<string> | undefined {
    if (!this.test(condition, present)) return undefined;
    const used = new Set<string>();
    this.collect(condition, present, used);
    return used;
  }

  private test(condition: Condition, present: ReadonlySet<string>): boolean {
    if (typeof condition === 'string') {
      const derived = this.derived[condition];
      return derived !== undefined ? this.test(derived, present) : present.has(condition);
    }
    for (const part of condition.all ?? NO_PARTS) if (!this.test(part, present)) return false;
    if (condition.any && !this.anyHolds(condition.any, present)) return false;
    return !this.anyHolds(condition.none ?? NO_PARTS, present);
  }

  private anyHolds(parts: readonly Condition[], present: ReadonlySet<string>): boolean {
    for (const part of parts) if (this.test(part, present)) return true;
    return false;
  }

  /** The stated findings behind a condition that holds: all of its `all` parts and the `any` parts that hold. */
  private collect(condition: Condition, present: ReadonlySet<string>, used: Set<string>): void {
    if (typeof condition === 'string') {
      const derived = this.derived[condition];
      if (derived !== undefined) this.collect(derived, present, used);
      else used.add(condition);
      return;
    }
    for (const part of condition.all ?? NO_PARTS) this.collect(part, present, used);
    for (const part of condition.any ?? NO_PARTS) if (this.test(part, present)) this.collect(part, present, used);
  }
}
