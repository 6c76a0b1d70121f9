import { readFileSync, readdirSync } from 'node:fs';

/** The postmaster of the cluster in `dataDir` (first line of its postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
}

/** The postmaster and every backend it forked (Linux /proc). */
export function postgresProcesses(dataDir: string): number[] {
  const postmaster = postmasterPid(dataDir);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its last ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** SIGSTOP / SIGCONT to every process of the cluster: a hung server that keeps its sockets open. */
export function signalCluster(dataDir: string, signal: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of postgresProcesses(dataDir)) process.kill(pid, signal);
}
