/**
 * Counts, per client address, respondent requests whose token matched no link. 256-bit tokens cannot be
 * guessed, but a client trying many is either broken or probing, and is refused for a while: after `limit`
 * unknown tokens within `windowMs`, until the oldest of them leaves the window. Requests with a known token
 * are never counted, so a respondent sharing an address (an office's NAT) with a prober is refused only while
 * the prober is. Kept in memory: a restart forgets, which costs a prober nothing it could not get by waiting.
 */
export class UnknownTokenLimiter {
  readonly #misses = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    private readonly limit = 20,
    private readonly windowMs = 10 * 60_000,
  ) {}

  /** Seconds until `client` may try again, or null when it may now. */
  retryAfterSeconds(client: string): number | null {
    const misses = this.#recent(client);
    if (misses.length < this.limit) return null;
    return Math.max(1, Math.ceil((misses[misses.length - this.limit]! + this.windowMs - this.now().getTime()) / 1000));
  }

  recordUnknown(client: string): void {
    const misses = this.#recent(client);
    misses.push(this.now().getTime());
    // Only the last `limit` matter for the answer; older ones would only grow the memory.
    this.#misses.set(client, misses.slice(-this.limit));
    if (this.#misses.size > 10_000) for (const other of this.#misses.keys()) this.#recent(other);
  }

  /** The client's misses still inside the window; a client with none is forgotten. */
  #recent(client: string): number[] {
    const since = this.now().getTime() - this.windowMs;
    const misses = (this.#misses.get(client) ?? []).filter((at) => at > since);
    if (misses.length) this.#misses.set(client, misses);
    else this.#misses.delete(client);
    return misses;
  }
}
