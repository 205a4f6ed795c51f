// A small closed-loop HTTP load generator: C concurrent keep-alive clients for D seconds.
import { readFileSync } from 'node:fs';
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  headers?: Record<string, string>;
  expectStatus?: number;
  /** Open loop: at most this many requests per second in total (the soak); default closed loop, as fast as answered. */
  rate?: number;
}

export async function load(url: string | string[], opts: LoadOptions = {}): Promise<LoadResult> {
  const urls = Array.isArray(url) ? url : [url];
  const connections = opts.connections ?? 10;
  const seconds = opts.seconds ?? 5;
  const expectStatus = opts.expectStatus ?? 200;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const targets = urls.map((u) => new URL(u));
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const target = targets[next++ % targets.length]!;
      const t0 = performance.now();
      const req = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers: opts.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === expectStatus) latencies.push(performance.now() - t0);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  // With a rate, each connection keeps its own schedule (interval = connections / rate).
  const interval = opts.rate ? (connections * 1000) / opts.rate : 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, k) => {
      let due = started + (interval * k) / connections;
      while (performance.now() < end) {
        if (interval) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          due += interval;
          if (performance.now() >= end) break;
        }
        await one();
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds: elapsed, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** Samples a process's RSS every `everyMs` until stopped: the maximum, first and last samples. */
export function sampleRss(pid: number, everyMs = 250) {
  const samples: number[] = [];
  const take = () => {
    try {
      samples.push(rssMiB(pid));
    } catch {
      /* the process is gone */
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    max: () => Math.max(...samples),
    stop() {
      clearInterval(timer);
      take();
    },
  };
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time (user + system) a process has used so far, in milliseconds (from /proc, clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15)
}
