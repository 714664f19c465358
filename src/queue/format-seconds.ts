/** "2 s", "150 s", "15 min", "3 h": how a budget reads in a message. */
export function formatSeconds(seconds: number): string {
  if (seconds < 120 || seconds % 60 !== 0) return `${Number(seconds.toFixed(1))} s`;
  const minutes = seconds / 60;
  return minutes < 120 || minutes % 60 !== 0 ? `${minutes} min` : `${minutes / 60} h`;
}
