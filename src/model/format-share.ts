/** "1.2%": one decimal below 10 %, none above; for the degraded-graph messages and the summaries. */
export function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 10 ? percent.toFixed(1) : percent.toFixed(0)}%`;
}
