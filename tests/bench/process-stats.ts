import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** CPU time (ms) used so far by a process, from /proc. */
export function cpuTimeMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

/** Peak resident memory (MiB) of a process since it started. */
export function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Busy and total CPU time of the whole machine so far (all cores), from /proc/stat. */
export function machineCpuTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = values.map(Number);
  const idle = ticks[3] + (ticks[4] ?? 0); // idle + iowait
  const total = ticks.slice(0, 8).reduce((sum, n) => sum + n, 0); // guest time is already counted in user
  return { busy: total - idle, total };
}

/** Pins every thread of a process (this one by default) to the given cores (`taskset -a -p -c`). */
export function pinProcess(cores: string, pid = process.pid): void {
  execSync(`taskset -a -p -c ${cores} ${pid}`, { stdio: 'ignore' });
}

/** CPU time (ms) of a set of processes, those still alive; a process gone counts 0. */
export function cpuTimesMs(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      times.set(pid, cpuTimeMs(pid));
    } catch {
      // ended meanwhile
    }
  }
  return times;
}

/**
 * CPU time spent between two readings by the PostgreSQL backends serving one database (their pids from
 * pg_stat_activity): the processes in both readings count their difference, those that appeared count in full.
 */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}
