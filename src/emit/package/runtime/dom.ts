/**
 * DOM helpers. Questions, options and feedback arrive as HTML that the compiler already
 * sanitized (`trusted`); everything the runtime writes itself goes in as text (`h`).
 */

type Child = Node | string | null | undefined | false;

/** Creates an element; `attrs` values are set as attributes, `children` are nodes or text. */
export function h(tag: string, attrs?: Readonly<Record<string, string | number | boolean | null | undefined>> | null, children?: readonly Child[]): HTMLElement {
  const el = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach((name) => {
      const value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      el.setAttribute(name, value === true ? '' : String(value));
    });
  }
  (children || []).forEach((child) => {
    if (child === null || child === undefined || child === false) return;
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  });
  return el;
}

/** A fragment of compiler-sanitized HTML (question texts, feedback). */
export function trusted(tag: string, className: string | null, html: string): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.innerHTML = html;
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function focusHeading(el: HTMLElement | null): void {
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.focus();
}

/** The text of compiler-made HTML (a question's prompt), for LMS reports. A template runs no script and loads nothing. */
export function htmlText(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return (template.content.textContent || '').replace(/\s+/g, ' ').trim();
}
