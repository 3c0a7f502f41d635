// Small list helpers the page shaping shares.

export function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function uniqueSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}
