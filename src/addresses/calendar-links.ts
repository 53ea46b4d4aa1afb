/**
 * Links that add the program's calendars and events to the calendar apps learners use,
 * built from the published `.ics` addresses. Google and Outlook cannot open a
 * `webcal://` link from a web page themselves, so each gets its own "subscribe" and
 * "add this event" address. Every value goes through URLSearchParams, so titles and
 * places from the sources cannot break out of the parameter they are in.
 */

/** `https://…/calendar.ics` → `webcal://…/calendar.ics`: calendar apps subscribe instead of importing once. */
export function webcalUrl(icsUrl: string): string {
  return icsUrl.replace(/^https?:\/\//, 'webcal://');
}

/** The ways to subscribe to a published calendar (`icsUrl` absolute, http or https). */
export interface SubscribeLinks {
  /** Apple Calendar, Thunderbird, Outlook for desktop: the system's calendar app. */
  readonly webcal: string;
  readonly google: string;
  /** Outlook.com (personal Microsoft accounts). */
  readonly outlook: string;
  /** Outlook on the web for Microsoft 365 (work and school accounts). */
  readonly office365: string;
}

export function subscribeLinks(icsUrl: string, name: string): SubscribeLinks {
  const addFromWeb = (host: string) => `https://${host}/calendar/0/addfromweb?${new URLSearchParams({ url: icsUrl, name })}`;
  return {
    webcal: webcalUrl(icsUrl),
    google: `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcalUrl(icsUrl) })}`,
    outlook: addFromWeb('outlook.live.com'),
    office365: addFromWeb('outlook.office.com'),
  };
}

/** One event as the "add this event" forms of Google and Outlook take it. */
export interface EventTemplate {
  readonly title: string;
  /** UTC instants, `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly start: string;
  readonly end: string;
  /** Plain text. */
  readonly details: string;
  readonly location?: string;
}

export interface EventLinks {
  readonly google: string;
  readonly outlook: string;
  readonly office365: string;
}

/**
 * "Add this event" links. The times are given in UTC, which both services place on the
 * learner's own clocks; the event is a one-off copy, so the `.ics` file next to these
 * links is what a later change to the event can update (same UID).
 */
export function eventLinks(e: EventTemplate): EventLinks {
  const compact = (utc: string) => utc.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const google = new URLSearchParams({ action: 'TEMPLATE', text: e.title, dates: `${compact(e.start)}/${compact(e.end)}`, details: e.details });
  if (e.location) google.set('location', e.location);
  const compose = (host: string) => {
    const params = new URLSearchParams({ path: '/calendar/action/compose', rru: 'addevent', subject: e.title, startdt: e.start, enddt: e.end, body: e.details });
    if (e.location) params.set('location', e.location);
    return `https://${host}/calendar/0/deeplink/compose?${params}`;
  };
  return {
    google: `https://calendar.google.com/calendar/render?${google}`,
    outlook: compose('outlook.live.com'),
    office365: compose('outlook.office.com'),
  };
}
