/** Instants at which an agent's state may change with no event (wrap-up end, pause limit): a min-heap. */
export class DeadlineQueue {
  private readonly heap: { at: number; agentId: string }[] = [];

  push(at: number, agentId: string): void {
    const heap = this.heap;
    heap.push({ at, agentId });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /** The earliest deadline due at or before `now`, removed; undefined when none is due. */
  popDue(now: number): { at: number; agentId: string } | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (!top || top.at > now) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && heap[l]!.at < heap[min]!.at) min = l;
        if (r < heap.length && heap[r]!.at < heap[min]!.at) min = r;
        if (min === i) break;
        [heap[min], heap[i]] = [heap[i]!, heap[min]!];
        i = min;
      }
    }
    return top;
  }
}
