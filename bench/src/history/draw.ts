/** mulberry32: a small seeded PRNG; its 2^32 states never repeat within one history. */
export class Draw {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /**
   * A UUIDv7 as the platform makes them: the time in ms (48 bits), then random bits from this
   * generator (12, the variant, 12, 24, 24). Hex by table lookup: this runs a few times per event.
   */
  uuid(ms: number): string {
    const a = HEX3[this.int(0, 4095)];
    const variant = '89ab'[this.int(0, 3)];
    const b = HEX3[this.int(0, 4095)];
    const c = this.int(0, 16_777_215);
    const d = this.int(0, 16_777_215);
    const t = HEX3[Math.floor(ms / 4096) & 0xfff];
    const time = `${HEX3[Math.floor(ms / 68_719_476_736) & 0xfff]}${HEX3[Math.floor(ms / 16_777_216) & 0xfff]}${t.slice(0, 2)}-${t[2]}${HEX3[ms & 0xfff]}`;
    return `${time}-7${a}-${variant}${b}-${HEX3[c >>> 12]}${HEX3[c & 0xfff]}${HEX3[d >>> 12]}${HEX3[d & 0xfff]}`;
  }
}
const HEX3 = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, '0'));
