/**
 * Keeps the completion checklist's ticks in this browser (localStorage), and reveals the
 * hint that says so. Without JavaScript, or without storage, the boxes still tick; they
 * are just not remembered.
 */
export function rememberChecklist(root: ParentNode): void {
  let storage: Storage;
  try {
    storage = window.localStorage;
    storage.getItem('probe');
  } catch {
    return;
  }
  const boxes = root.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-checklist-key]');
  for (const box of boxes) {
    const key = `checklist:${box.dataset.checklistKey}`;
    box.checked = storage.getItem(key) === '1';
    box.addEventListener('change', () => (box.checked ? storage.setItem(key, '1') : storage.removeItem(key)));
  }
  if (boxes.length > 0) for (const hint of root.querySelectorAll<HTMLElement>('[data-checklist-hint]')) hint.hidden = false;
}
