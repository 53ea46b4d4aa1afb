/**
 * Fills each `[data-visitor-time]` line with the moment in the visitor's own time zone,
 * as the browser knows it, and reveals the line. Without JavaScript the line stays
 * hidden and the program's time with its UTC offset is all there is, which is complete.
 */
export function showVisitorTimes(root: ParentNode): void {
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!visitorZone) return;
  const language = document.documentElement.lang || undefined;
  const formats = new Map<string, Intl.DateTimeFormat>();
  for (const element of root.querySelectorAll<HTMLElement>('[data-visitor-time]')) {
    const { start, end, programZone, hourCycle, sameZone } = element.dataset;
    const target = element.querySelector('[data-visitor-time-text]');
    if (!start || !target) continue;
    if (programZone === visitorZone) {
      target.textContent = sameZone ?? '';
    } else {
      const key = hourCycle ?? '';
      let format = formats.get(key);
      if (!format) {
        format = new Intl.DateTimeFormat(language, {
          weekday: 'long',
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: hourCycle as Intl.DateTimeFormatOptions['hourCycle'],
          timeZoneName: 'short',
        });
        formats.set(key, format);
      }
      target.textContent = end ? format.formatRange(new Date(start), new Date(end)) : format.format(new Date(start));
    }
    element.hidden = false;
  }
}
