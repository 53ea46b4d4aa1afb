/**
 * Makes the subscribe links point at the calendar where this page really is. They are
 * built from the site's URL, but a calendar app fetches the address it is given: on a
 * preview, a mirror or `curriculum dev`, that address is the page's own, so it is
 * worked out here from the relative .ics link. Without JavaScript the links keep the
 * site's URL (or stay hidden when it is not known), and the plain .ics link beside them
 * works anywhere.
 */
export function followPageAddress(root: ParentNode): void {
  for (const group of root.querySelectorAll<HTMLElement>('[data-calendar-file]')) {
    const { calendarFile, calendarUrl } = group.dataset;
    if (!calendarFile) continue;
    const here = new URL(calendarFile, document.baseURI).href;
    if (!/^https?:/.test(here)) continue;
    if (here !== calendarUrl) {
      const webcal = here.replace(/^https?:\/\//, 'webcal://');
      for (const link of group.querySelectorAll<HTMLAnchorElement>('a[data-subscribe]')) {
        const kind = link.dataset.subscribe;
        if (kind === 'webcal') {
          link.href = webcal;
          continue;
        }
        const url = new URL(link.href);
        if (kind === 'google') url.searchParams.set('cid', webcal);
        else url.searchParams.set('url', here);
        link.href = url.href;
      }
    }
    // Without the site's URL the links were hidden until they could be made here.
    for (const hidden of group.querySelectorAll<HTMLElement>('a[data-subscribe][hidden], [data-subscribe-apps][hidden]')) hidden.hidden = false;
  }
}
