// A function's results remembered by key, for pure work repeated across a corpus (the same
// dates on thousands of list pages, the same headings in thousands of notes).

/**
 * `fn` of an object remembered for as long as the object lives: what every article recomputed
 * from the same registry or event list (an index of actors, counts of items) is made once.
 */
export function memoizeByReference<T extends object, R>(fn: (x: T) => R): (x: T) => R {
  const memo = new WeakMap<T, R>();
  return (x: T) => {
    if (!memo.has(x)) memo.set(x, fn(x));
    return memo.get(x)!;
  };
}

/** `fn` memoized by `keyOf`; the memory is emptied when it holds `max` results. */
export function memoize<A extends unknown[], R>(fn: (...args: A) => R, keyOf: (...args: A) => string, max = 100_000): (...args: A) => R {
  const memo = new Map<string, R>();
  return (...args: A) => {
    const key = keyOf(...args);
    if (memo.has(key)) return memo.get(key)!;
    const out = fn(...args);
    if (memo.size >= max) memo.clear();
    memo.set(key, out);
    return out;
  };
}
