/**
 * Marks the week that contains today (the visitor's own date): the week's section and
 * its bar in the timeline get `.is-current`, the section gets `aria-current="date"`
 * and its "This week" badge, which is text, so the mark is not colour alone.
 */
export function markCurrentWeek(root: ParentNode, now: Date = new Date()): void {
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  for (const element of root.querySelectorAll<HTMLElement | SVGElement>('[data-week-start][data-week-end]')) {
    const { weekStart, weekEnd } = element.dataset;
    if (!weekStart || !weekEnd || today < weekStart || today > weekEnd) continue;
    element.classList.add('is-current');
    if (element instanceof HTMLElement) {
      element.setAttribute('aria-current', 'date');
      for (const badge of element.querySelectorAll<HTMLElement>('[data-current-badge]')) badge.hidden = false;
    }
  }
}
