export interface Row {
  name: string;
  n: number;
  median: number;
  p95: number;
  max: number;
  budget?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

export function summarize(name: string, samples: number[], budget?: number): Row {
  const s = [...samples].sort((a, b) => a - b);
  return {
    name,
    n: s.length,
    median: percentile(s, 50),
    p95: percentile(s, 95),
    max: s[s.length - 1]!,
    budget,
  };
}

export function table(rows: Row[]): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    '| measurement | n | median ms | p95 ms | max ms | budget ms | within budget |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.n} | ${f(r.median)} | ${f(r.p95)} | ${f(r.max)} | ${r.budget ?? '—'} | ${r.budget === undefined ? '—' : r.p95 <= r.budget ? 'yes' : 'no'} |`,
    ),
  ];
  return lines.join('\n');
}
