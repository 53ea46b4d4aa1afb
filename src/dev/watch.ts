/**
 * Which source files changed, for `curriculum dev`.
 *
 * Node's recursive `fs.watch` on Linux watches each file's inode: once a file is replaced
 * (an editor's safe write, a rename over it, `sed -i`, `git checkout`, delete and
 * recreate), the watch follows the old inode and later saves of that file are never
 * reported. chokidar watches the folders as well and re-arms a file's watch when the file
 * is replaced, so every save style is seen.
 *
 * chokidar drops the changes to a file that follow a reported one within 50 ms, with no
 * trailing event, so the last save of a burst could go unseen. Each reported file is
 * therefore looked at once more after the burst settles, and reported again if it
 * changed since.
 *
 * chokidar can still lose a file for good: after an unlink and re-create in quick
 * succession it reports one change and then, on some Linux systems, nothing more for that
 * file (chokidar issue #972); a branch switch right after a commit was seen to go
 * unreported here. Each folder is therefore also watched on its own with `fs.watch`: a
 * folder's watch names every file created, written, renamed or deleted in it, and git and
 * editors replace files, never folders. What both watches see is reported once.
 */
import { statSync, watch as watchFolder, type BigIntStats, type FSWatcher as FolderWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';

/** The files a program is made of: YAML, Markdown and MDX, and the images and files they show. */
const sourceFile = /\.(ya?ml|mdx?|svg|png|jpe?g|gif|webp|avif|pdf|txt|csv|docx?|xlsx?|pptx?|odt|ods|odp|zip|mp3|mp4)$/i;

export interface SourceWatcher {
  close(): Promise<void>;
}

/**
 * Calls `onChange` with the absolute path of every source file that was written, created,
 * replaced or deleted under `root`, and of every folder that was created or deleted
 * (a branch switch may add or remove whole module folders).
 * Resolves once the initial scan is done, so that a save right after it is seen.
 */
export async function watchSources(root: string, onChange: (absolutePath: string, kind: 'file' | 'folder') => void): Promise<SourceWatcher> {
  const watcher: FSWatcher = chokidarWatch(root, {
    ignoreInitial: true,
    // Version control and package folders can be huge and never hold sources.
    ignored: (p: string) => /(^|[/\\])(\.git|node_modules)([/\\]|$)/.test(path.relative(root, p)),
    // A save that deletes the file and writes it again reads as one change, not a removal.
    atomic: true,
  });
  const settling = new Map<string, { timer: NodeJS.Timeout; later: NodeJS.Timeout; seen: Promise<string> }>();
  /** The state of each file when it was last reported, so that what both watches see is reported once. */
  const lastReported = new Map<string, Promise<string>>();
  let closed = false;
  const reportFile = (file: string) => {
    clearTimeout(settling.get(file)?.timer);
    clearTimeout(settling.get(file)?.later);
    // The file as it is when reported, taken before the listener reads it: whatever the
    // listener reads includes at least this state. An asynchronous stat could finish after a
    // write that lands while the listener reads, and the last save of a burst would then
    // look already reported (seen under load: the listener read the file empty, mid-write).
    const seen = Promise.resolve(signatureNow(file));
    lastReported.set(file, seen);
    onChange(file, 'file');
    // Looked at again soon, for what chokidar's de-duplication drops, and once more later: a file
    // just written is often replaced again at once (a branch switch after a commit), and such a
    // replacement was seen to go unreported. A new report of the file cancels both looks.
    const look = (ms: number, last: boolean) =>
      setTimeout(() => {
        if (last) settling.delete(file);
        void Promise.all([seen, signature(file)]).then(([before, now]) => {
          if (!closed && before !== now && settling.get(file)?.seen !== undefined && settling.get(file)!.seen !== seen) return;
          if (!closed && before !== now) reportFile(file);
        });
      }, ms);
    const timer = look(SETTLE_MS, false);
    const later = look(LATER_MS, true);
    settling.set(file, { timer, later, seen });
  };
  const folders = new Map<string, FolderWatcher>();
  /** A file a folder's watch named: reported unless chokidar already reported it as it is now. */
  const folderSaw = (file: string) => {
    void Promise.all([lastReported.get(file), signature(file)]).then(([reported, now]) => {
      if (!closed && reported !== now) reportFile(file);
    });
  };
  const watchOneFolder = (folder: string) => {
    if (closed || folders.has(folder)) return;
    try {
      const w = watchFolder(folder, { persistent: false }, (_event, name) => {
        if (typeof name === 'string' && sourceFile.test(name)) folderSaw(path.join(folder, name));
      });
      // A folder deleted under its watch ends the watch; chokidar reports the deletion.
      w.on('error', () => unwatchOneFolder(folder));
      folders.set(folder, w);
    } catch {
      // The folder went away before it could be watched; chokidar reports that.
    }
  };
  const unwatchOneFolder = (folder: string) => {
    folders.get(folder)?.close();
    folders.delete(folder);
  };
  watcher.on('all', (event, changed) => {
    if (event === 'addDir' || event === 'unlinkDir') {
      const folder = path.resolve(changed);
      if (event === 'addDir') watchOneFolder(folder);
      else unwatchOneFolder(folder);
      if (changed !== root) onChange(folder, 'folder');
      return;
    }
    if (sourceFile.test(changed)) reportFile(path.resolve(changed));
  });
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  // chokidar knows every folder it scanned (the ignored ones excluded).
  for (const folder of Object.keys(watcher.getWatched())) {
    const absolute = path.resolve(root, folder);
    if (absolute === path.resolve(root) || absolute.startsWith(path.resolve(root) + path.sep)) watchOneFolder(absolute);
  }
  return {
    close: () => {
      closed = true;
      for (const w of folders.values()) w.close();
      folders.clear();
      for (const { timer, later } of settling.values()) {
        clearTimeout(timer);
        clearTimeout(later);
      }
      settling.clear();
      return watcher.close();
    },
  };
}

/** Longer than chokidar's 50 ms window in which it drops further changes to a file. */
const SETTLE_MS = 120;
const LATER_MS = 2000;

/** What changes when a file is written or replaced: its inode, size and times, to the nanosecond. */
function signatureOf(s: BigIntStats): string {
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

function signatureNow(file: string): string {
  try {
    return signatureOf(statSync(file, { bigint: true }));
  } catch {
    return 'absent';
  }
}

async function signature(file: string): Promise<string> {
  return stat(file, { bigint: true }).then(signatureOf, () => 'absent');
}
