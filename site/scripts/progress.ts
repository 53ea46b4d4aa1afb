/**
 * The learner's own progress, kept in this browser only (localStorage): ticks on the
 * completion checklist, "mark as done" on module pages, the "Done" marks on the module
 * list and the "3 of 23 done" counts. One key per item, so a module ticked on its page is
 * ticked on the completion page too. Without JavaScript or storage the boxes still tick,
 * they are just not remembered, and the counts and marks stay hidden.
 */

/** The key of an item's progress: the same on every page that shows the item. */
export function progressKey(program: string, category: string, id: string): string {
  return `progress:${program}:${category}:${id}`;
}

function openStorage(): Storage | undefined {
  try {
    const storage = window.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    return undefined;
  }
}

export function showProgress(root: Document): void {
  const storage = openStorage();
  if (!storage) return;
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-progress-key]')];
  const refresh = () => {
    for (const box of boxes) box.checked = storage.getItem(box.dataset.progressKey!) === '1';
    for (const mark of root.querySelectorAll<HTMLElement>('[data-progress-mark]')) mark.hidden = storage.getItem(mark.dataset.progressMark!) !== '1';
    for (const count of root.querySelectorAll<HTMLElement>('[data-progress-count]')) {
      const scoped = boxes.filter((b) => b.dataset.progressIn === count.dataset.progressCount);
      const done = scoped.filter((b) => b.checked).length;
      count.textContent = (count.dataset.template ?? '{done} / {total}').replace('{done}', String(done)).replace('{total}', String(scoped.length));
      count.hidden = scoped.length === 0;
    }
  };
  for (const box of boxes) {
    box.addEventListener('change', () => {
      if (box.checked) storage.setItem(box.dataset.progressKey!, '1');
      else storage.removeItem(box.dataset.progressKey!);
      refresh();
    });
  }
  for (const reset of root.querySelectorAll<HTMLButtonElement>('[data-progress-reset]')) {
    reset.hidden = false;
    reset.addEventListener('click', () => {
      const prefix = `progress:${reset.dataset.progressReset}:`;
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null && k.startsWith(prefix));
      for (const key of keys) storage.removeItem(key);
      refresh();
    });
  }
  for (const hint of root.querySelectorAll<HTMLElement>('[data-progress-hint]')) hint.hidden = false;
  refresh();
}
