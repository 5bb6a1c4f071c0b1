// Which positions a position.log already logged, for PL012/PL013 ("a value logged before is
// the resumed position logged again, not a step back"), in bounded memory for a file of any
// size and without one heap object per line (those would be promoted and grow the heap):
// - the last RECENT values exactly, in typed arrays with hash chains: "yes" is exact;
// - every value in a Bloom filter (4 MiB, made when the ring first overflows): "no" is exact,
//   "maybe" needs a second look at the file (streamValidate's second pass).
// Streams are small integers given by the caller.

const RECENT = 8192;
const BUCKETS = 16384;
const BLOOM_BITS = 1 << 25;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

export type Logged = 'yes' | 'no' | 'maybe';

export class LoggedValues {
  private count = 0;
  private readonly stream = new Int32Array(RECENT);
  private readonly length = new Uint8Array(RECENT);
  private readonly values = new Float64Array(RECENT * 2);
  /** Values that two doubles do not hold exactly (rare), by ring slot. */
  private readonly big = new Map<number, bigint[]>();
  private readonly hash = new Uint32Array(RECENT);
  private readonly next = new Int32Array(RECENT).fill(-1);
  private readonly heads = new Int32Array(BUCKETS).fill(-1);
  private bloom: Uint32Array | undefined;

  add(streamId: number, value: bigint[]): void {
    const h = hashOf(streamId, value);
    const i = this.count % RECENT;
    if (this.count >= RECENT) {
      if (!this.bloom) {
        // From now on the ring forgets: keep every value seen so far in the filter.
        this.bloom = new Uint32Array(BLOOM_BITS / 32);
        for (let k = 0; k < RECENT; k++) this.toBloom(this.hash[k]);
      }
      this.unlink(i);
    }
    this.count++;
    this.stream[i] = streamId;
    this.hash[i] = h;
    this.big.delete(i);
    if (value.length <= 2 && value.every(exact)) {
      this.length[i] = value.length;
      for (let k = 0; k < value.length; k++) this.values[2 * i + k] = Number(value[k]);
    } else {
      this.length[i] = 255;
      this.big.set(i, value);
    }
    const b = h & (BUCKETS - 1);
    this.next[i] = this.heads[b];
    this.heads[b] = i;
    if (this.bloom) this.toBloom(h);
  }

  has(streamId: number, value: bigint[]): Logged {
    const h = hashOf(streamId, value);
    const small = value.length <= 2 && value.every(exact);
    for (let i = this.heads[h & (BUCKETS - 1)]; i >= 0; i = this.next[i]) {
      if (this.hash[i] !== h || this.stream[i] !== streamId) continue;
      if (small ? this.length[i] === value.length && value.every((x, k) => this.values[2 * i + k] === Number(x)) : sameBig(this.big.get(i), value)) return 'yes';
    }
    if (!this.bloom) return 'no';
    for (const bit of bloomBits(h)) if ((this.bloom[bit >>> 5] & (1 << (bit & 31))) === 0) return 'no';
    return 'maybe';
  }

  private toBloom(h: number): void {
    for (const bit of bloomBits(h)) this.bloom![bit >>> 5] |= 1 << (bit & 31);
  }

  private unlink(i: number): void {
    const b = this.hash[i] & (BUCKETS - 1);
    if (this.heads[b] === i) this.heads[b] = this.next[i];
    else {
      for (let j = this.heads[b]; j >= 0; j = this.next[j]) {
        if (this.next[j] === i) {
          this.next[j] = this.next[i];
          break;
        }
      }
    }
    this.next[i] = -1;
  }
}

function exact(x: bigint): boolean {
  return x <= MAX_EXACT && x >= -MAX_EXACT;
}

function sameBig(a: bigint[] | undefined, b: bigint[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, k) => x === b[k]);
}

function hashOf(streamId: number, value: bigint[]): number {
  let h = Math.imul(streamId + 1, 0x9e3779b1);
  for (const x of value) {
    let lo: number;
    let hi: number;
    if (x >= 0n && x <= MAX_EXACT) {
      const n = Number(x);
      lo = n >>> 0;
      hi = Math.floor(n / 4294967296);
    } else {
      lo = Number(BigInt.asUintN(32, x));
      hi = Number(BigInt.asUintN(32, x >> 32n)) ^ Number(BigInt.asUintN(32, x >> 64n)) ^ (x < 0n ? 0x5bd1e995 : 0);
    }
    h = Math.imul(h ^ lo, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h ^ hi, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

// Three bits per value (double hashing).
function bloomBits(h: number): [number, number, number] {
  let g = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  g = (g ^ (g >>> 12)) | 1;
  const m = BLOOM_BITS - 1;
  return [h & m, (h + g) & m, (h + 2 * g) & m];
}
