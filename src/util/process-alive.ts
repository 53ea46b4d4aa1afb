/**
 * Whether the process `pid` (a positive integer) is running. Asked with signal 0, which checks without
 * signalling: a process of another user answers EPERM and counts as running, and so does
 * any answer but "no such process", so that a caller never takes over or deletes what a
 * live process may still be using.
 */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
