/**
 * Builds the LMS packages in a worker thread and writes them into the staging folder,
 * while the main thread builds the site: the two are independent, and a machine with two
 * cores does both at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writePackages, type PackageWorkerInput } from './run.ts';

const { context, outDir } = workerData as PackageWorkerInput;
parentPort!.postMessage(await writePackages(context, outDir));
