/*
 * DOM and text helpers. Safety rule: user text only ever enters the page as text nodes (h()) or,
 * inside chart tooltips, through esc(); no HTML string is ever parsed into the page.
 */


/** Creates an element; strings and numbers among the children become text nodes. */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') node.className = value;
    else if (key === 'value') node.value = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends children (nested arrays flattened; strings as text nodes) to {@code node}. */
export function append(node, ...children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, ...child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** HTML-escapes text for the one place HTML strings exist: ECharts tooltips. */
export function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** The text of an HTML-escaped string (the search snippets are escaped HTML with <em> marks). */
export function unescapeHtml(text) {
  return text.replace(/&(lt|gt|amp|quot|#39|#x27|#x2F);/g, (m, e) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/' })[e]);
}

/** A search snippet as nodes: the text between <em> and </em> becomes a mark, all else text. */
export function snippetNodes(snippet) {
  const nodes = [];
  const parts = String(snippet).split(/(<em>|<\/em>)/);
  let inMark = false;
  for (const part of parts) {
    if (part === '<em>') { inMark = true; continue; }
    if (part === '</em>') { inMark = false; continue; }
    if (!part) continue;
    const text = unescapeHtml(part);
    nodes.push(inMark ? h('mark', {}, text) : text);
  }
  return nodes;
}

/** {@code text} with every word starting with one of {@code keywords} wrapped in a mark. */
export function highlightKeywords(text, keywords) {
  const words = (keywords || []).filter((k) => k && k.length > 1).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!words.length) return [text];
  const re = new RegExp('\\b(' + words.join('|') + ')[\\w\'-]*', 'gi');
  const nodes = [];
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) nodes.push(text.slice(last, m.index));
    nodes.push(h('mark', {}, m[0]));
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
