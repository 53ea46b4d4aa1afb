/** The worker of background.ts: runs its jobs and reports what they wrote. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeHeavyJobs, type HeavyJobsInput } from './background.ts';

parentPort!.postMessage(await writeHeavyJobs(workerData as HeavyJobsInput));
