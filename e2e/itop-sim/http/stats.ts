/** Request counters behind `GET /__sim/stats`: tests and benchmarks count REST calls per operation. */
export interface StatsSnapshot {
  readonly requests: number;
  readonly operations: Readonly<Record<string, number>>;
}

export interface Stats {
  record(operation: string): void;
  snapshot(): StatsSnapshot;
  reset(): void;
}

export function createStats(): Stats {
  let requests = 0;
  let operations = new Map<string, number>();
  return {
    record(operation) {
      requests += 1;
      operations.set(operation, (operations.get(operation) ?? 0) + 1);
    },
    snapshot: () => ({ requests, operations: Object.fromEntries(operations) }),
    reset() {
      requests = 0;
      operations = new Map();
    },
  };
}
