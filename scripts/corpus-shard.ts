/**
 * `--shard K/N`: which pairs of a corpus one of N machines aligns (decision 45). A pair belongs to shard K when the
 * first four bytes of the SHA-1 of its name, read as an unsigned big-endian number, leave K − 1 when divided by N.
 *
 * By the name's hash rather than by position in the sorted list: a pair's shard depends on its name alone, so machines
 * that list the folder differently (a copy still arriving, pairs added since) never align one pair twice nor leave one
 * out, and a corpus that grows keeps every finished output in its shard, where the resumable run skips it. Neighbours
 * in the sorted list (a year's documents, one author's novels, often alike in size) spread over all shards. The split
 * is even in count only on average (100,000 pairs on 20 machines: 5,000 each, give or take about 70), which is what a
 * large corpus needs; anyone can check a name's shard with `printf NAME | sha1sum` (the first eight hex digits).
 */
import { createHash } from "node:crypto";

export interface Shard {
  /** 1 to count. */
  index: number;
  count: number;
}

/** `K/N` with 1 ≤ K ≤ N, or the sentence saying what is wrong with it. */
export function parseShard(value: string | undefined): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec((value ?? "").trim());
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [Number.NaN, Number.NaN];
  if (!(index >= 1 && index <= count)) return `--shard takes K/N, this machine's part K of N (1 ≤ K ≤ N), e.g. 1/4, not ${value ?? "nothing"}`;
  return { index, count };
}

/** The shard (1 to count) a pair's name belongs to. */
export function shardOf(name: string, count: number): number {
  return (createHash("sha1").update(name, "utf8").digest().readUInt32BE(0) % count) + 1;
}

export const inShard = (name: string, shard: Shard | undefined) => shard === undefined || shardOf(name, shard.count) === shard.index;
