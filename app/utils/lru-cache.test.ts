import { describe, expect, it } from "vitest";
import { LruCache } from "./lru-cache";

/** A cache of strings sized by their length, and the keys it evicts. */
function cache(maxEntries: number, maxBytes: number) {
  const evicted: string[] = [];
  return { c: new LruCache<string, string>({ maxEntries, maxBytes, sizeOf: (value) => value.length, onEvict: (key) => evicted.push(key) }), evicted };
}

describe("LruCache", () => {
  it("forgets the least recently used entry once past its byte budget", () => {
    const { c, evicted } = cache(10, 10);
    c.set("a", "aaaa");
    c.set("b", "bbbb");
    expect(c.bytes).toBe(8);
    c.get("a"); // a is now the most recent
    c.set("c", "cccc");
    expect(c.keys()).toEqual(["a", "c"]);
    expect(evicted).toEqual(["b"]);
    expect(c.bytes).toBe(8);
    expect(c.get("b")).toBeUndefined();
  });

  it("forgets past its count of entries whatever their size", () => {
    const { c } = cache(2, 1000);
    c.set("a", "1");
    c.set("b", "2");
    c.set("c", "3");
    expect(c.keys()).toEqual(["b", "c"]);
  });

  it("keeps the newest entry even when it alone passes the budget, until another comes", () => {
    const { c, evicted } = cache(10, 5);
    c.set("small", "ss");
    c.set("big", "b".repeat(20));
    expect(c.keys()).toEqual(["big"]);
    expect(c.bytes).toBe(20);
    c.set("next", "nn");
    expect(c.keys()).toEqual(["next"]);
    expect(evicted).toEqual(["small", "big"]);
  });

  it("counts a value replaced under its key once, and does not report it evicted", () => {
    const { c, evicted } = cache(10, 10);
    c.set("a", "aaaa");
    c.set("a", "aaaaaa");
    expect(c.bytes).toBe(6);
    expect(c.size).toBe(1);
    expect(c.delete("a")).toBe(true);
    expect(c.bytes).toBe(0);
    expect(evicted).toEqual([]);
  });
});
