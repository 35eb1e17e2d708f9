export interface Row {
  readonly driver: string;
  readonly messages: number;
  readonly consumers: number;
  readonly variant: string;
  readonly messagesPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMicrosPerMessage: number;
}

/** The committed results table: no timestamps, so a rerun changes only the figures. */
export function renderQueueResults(rows: readonly Row[], settings: { runs: number; total: number; concurrency: number; load: readonly [number, number] }): string {
  const lines = [
    "# Queue port against the plain clients",
    "",
    `\`npm run bench:queues\`: ${settings.total} messages of 1 KiB per run (SQS: ${rows.find((r) => r.driver === "sqs")?.messages ?? settings.total}), one publisher with up to 32 publishes awaiting their`,
    `broker acknowledgement, one or four competing consumers handling ${settings.concurrency} messages each at once; medians of`,
    `${settings.runs} runs. Latency runs from the start of a publish to the handler. Shared brokers on 127.0.0.1 (2 cores, shared`,
    `with other work: 1-minute load average ${settings.load[0].toFixed(1)} at the start, ${settings.load[1].toFixed(1)} at the end); SQS/SNS is fauxqs 1.9.2`,
    "in the same process, so its figures say nothing about AWS.",
    "",
    "| broker | consumers | variant | msg/s | vs plain | p50 ms | p99 ms | client CPU µs/msg | CPU vs plain |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const row of rows) {
    const plain = rows.find((r) => r.driver === row.driver && r.consumers === row.consumers && r.variant === "plain client");
    const isPlain = row.variant === "plain client";
    const rate = plain && !isPlain ? percent(row.messagesPerSecond / plain.messagesPerSecond) : "";
    const cpu = plain && !isPlain ? percent(row.cpuMicrosPerMessage / plain.cpuMicrosPerMessage) : "";
    lines.push(
      `| ${row.driver} | ${row.consumers} | ${row.variant} | ${row.messagesPerSecond.toFixed(0)} | ${rate} | ${row.p50Ms.toFixed(1)} | ${row.p99Ms.toFixed(1)} | ${row.cpuMicrosPerMessage.toFixed(0)} | ${cpu} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function percent(ratio: number): string {
  const change = Math.round((ratio - 1) * 100);
  return `${change > 0 ? "+" : ""}${change} %`;
}
