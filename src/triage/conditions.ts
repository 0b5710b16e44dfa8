import type { Condition } from './ruleSet';

/**
 * Evaluates rule conditions over a set of findings.
 * Returns the stated findings that made the condition hold (so a caller can tell which message
 * contributed), or undefined when it does not hold.
 */
export class ConditionEvaluator {
  constructor(private readonly derived: Record<string, Condition>) {}

  holds(condition: Condition, present: ReadonlySet<string>): Set<string> | undefined {
    if (typeof condition === 'string') {
      const derived = this.derived[condition];
      if (derived !== undefined) return this.holds(derived, present);
      return present.has(condition) ? new Set([condition]) : undefined;
    }
    const used = new Set<string>();
    for (const part of condition.all ?? []) {
      const partUsed = this.holds(part, present);
      if (!partUsed) return undefined;
      for (const name of partUsed) used.add(name);
    }
    if (condition.any) {
      let anyHeld = false;
      for (const part of condition.any) {
        const partUsed = this.holds(part, present);
        if (!partUsed) continue;
        anyHeld = true;
        for (const name of partUsed) used.add(name);
      }
      if (!anyHeld) return undefined;
    }
    for (const part of condition.none ?? []) {
      if (this.holds(part, present)) return undefined;
    }
    return used;
  }
}
