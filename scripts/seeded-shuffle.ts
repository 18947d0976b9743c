/** A copy of `items` in an order drawn by a seeded generator (mulberry32): the same seed gives the same draw on every machine. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}
