/**
 * Counts the bot turns in flight, so a shutdown can wait for them to finish.
 * @remarks The adapter tracks every turn it runs; `idle()` resolves once none is left.
 */
export class TurnTracker {
  private readonly running = new Set<Promise<unknown>>();

  get size(): number {
    return this.running.size;
  }

  track<T>(turn: Promise<T>): Promise<T> {
    this.running.add(turn);
    const forget = () => this.running.delete(turn);
    turn.then(forget, forget);
    return turn;
  }

  /** Resolves when no turn is running (turns that start meanwhile are waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }
}
