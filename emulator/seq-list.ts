/**
 * Records kept in creation order (ascending `seq`), paged by keyset so a page costs O(log n + size)
 * and a record created or deleted while a client pages does not shift the others.
 */
export class SeqList<T extends { seq: number }> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  /** Appends; `seq` must be greater than every seq already present. */
  push(item: T): void {
    this.items.push(item);
  }

  remove(item: T): void {
    const index = this.indexAfter(item.seq - 1);
    if (this.items[index] === item) this.items.splice(index, 1);
  }

  /** Up to `size` records with seq > `seq`. */
  after(seq: number, size: number): T[] {
    const start = this.indexAfter(seq);
    return this.items.slice(start, start + size);
  }

  /** Up to `size` records with seq < `seq` (the page before a record). */
  before(seq: number, size: number): T[] {
    const end = this.indexAfter(seq - 1);
    return this.items.slice(Math.max(0, end - size), end);
  }

  at(offset: number, size: number): T[] {
    return this.items.slice(offset, offset + size);
  }

  /** True when some record has seq > `seq`. */
  hasAfter(seq: number): boolean {
    const last = this.items[this.items.length - 1];
    return last !== undefined && last.seq > seq;
  }

  hasBefore(seq: number): boolean {
    const first = this.items[0];
    return first !== undefined && first.seq < seq;
  }

  values(): readonly T[] {
    return this.items;
  }

  /** Index of the first record with seq > `seq` (binary search). */
  private indexAfter(seq: number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.items[mid] as T).seq <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
