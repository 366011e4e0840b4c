/**
 * Building the page without ever parsing strings as HTML: every piece of article content is
 * a text node (or an attribute value set through the DOM), so markup in an article, such as
 * <script> or onerror=, is shown as the characters it is.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * h("a", { href: "/x", class: "badge" }, "text", child) → an element. Attributes whose value is
 * null, undefined or false are left out; children may be strings, nodes, arrays or nullish.
 */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

function fill(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.append(child);
    else parent.append(document.createTextNode(String(child)));
  }
}

/** Replaces the content of `parent`. */
export function show(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
}

/** Text with [start, end) ranges wrapped in <mark>, e.g. a search snippet. */
export function highlighted(text, ranges) {
  const out = [];
  let at = 0;
  const sorted = [...(ranges ?? [])].sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (!(start >= at && end > start && end <= text.length)) continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(h("mark", null, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/** An href only for http(s) addresses: a stored source could be javascript: or data:. */
export function safeHref(address) {
  try {
    const url = new URL(address);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
