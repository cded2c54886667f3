/**
 * The XES (IEEE 1849-2016) check of `pathway validate`, beside the other event-log checks in
 * shared/model/event-log-check.ts: here because it needs an XML parser, which shared/ does not
 * import. Like them it takes text whose size the caller has bounded, never throws, and says in
 * one line why a file is not XES. Unlike them it quotes nothing of the text (no value, key,
 * element name, or the XML parser's message, which quotes tags): a place and what is wrong
 * there, so that a file that is no XES at all (a link to another file) is never repeated.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isIsoDateTime, plural, Problems, type LogCheck } from '../../shared/model/event-log-check';

export const XES_LABEL = 'XES';

/** The XES attribute elements; `list` and `container` hold attributes instead of a value. */
const XES_VALUED = ['string', 'date', 'int', 'float', 'boolean', 'id'] as const;
const XES_NESTING = ['list', 'container'] as const;
const XES_ATTRIBUTES: readonly string[] = [...XES_VALUED, ...XES_NESTING];
/** Elements that can repeat, always parsed as lists. */
const XES_REPEATED = new Set([
  ...XES_ATTRIBUTES,
  'trace',
  'event',
  'extension',
  'global',
  'classifier',
  'values',
]);
/** Deep enough for nested attributes; the parser refuses anything deeper as it reads. */
const XES_MAX_DEPTH = 32;

type XmlNode = Record<string, unknown>;
/** The elements of one name; an empty one (`<trace/>`) is parsed as '', here as {}. */
const asNodes = (v: unknown): XmlNode[] =>
  Array.isArray(v) ? v.map((x) => (typeof x === 'object' && x !== null ? (x as XmlNode) : {})) : [];
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** XML's own entities and character references (the parser leaves them: decoding all costs). */
const decodeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (_m, e: string) => {
    if (!e.startsWith('#')) return XML_ENTITIES[e]!;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
const attr = (node: XmlNode, name: string): string | undefined => {
  const v = node[`@_${name}`];
  if (typeof v !== 'string') return undefined;
  return v.includes('&') ? decodeXml(v) : v;
};

const LITERAL_START = /<!--|<!\[CDATA\[|<\?/g;
const LITERAL_END: Record<string, string> = { '<!--': '-->', '<![CDATA[': ']]>', '<?': '?>' };

/**
 * The text without its comments, CDATA sections and processing instructions, which may hold `&`
 * and `<!` freely: what is left is where declarations and entity references count. One pass (no
 * backtracking regex, so 20 MB of `<!--<!--…` costs no more than any other text); an unclosed
 * one ends the text, and the well-formedness check refuses the file for it.
 */
function withoutLiterals(text: string): string {
  let out = '';
  let from = 0;
  LITERAL_START.lastIndex = 0;
  for (let m = LITERAL_START.exec(text); m; m = LITERAL_START.exec(text)) {
    out += text.slice(from, m.index);
    const end = text.indexOf(LITERAL_END[m[0]]!, m.index + m[0].length);
    if (end < 0) return out;
    from = end + LITERAL_END[m[0]]!.length;
    LITERAL_START.lastIndex = from;
  }
  return out + text.slice(from);
}
/** Far beyond any tag of an event log (XES values are short), and what one tag may cost. */
const MAX_TAG_CHARS = 1024 * 1024;
const MAX_TAG_ATTRIBUTES = 1000;
/**
 * The most elements XES of `chars` characters holds: an event's shortest attribute element is
 * `<int key="a" value="1"/>`, 24 characters, and an event needs two of them; a file denser in
 * elements than one per 20 characters is no event log (20 MB of `<t/>` costs the parser 40×).
 */
const maxElements = (chars: number) => Math.floor(chars / 20) + 64;

/**
 * One pass over the tags (quotes respected) before the parser reads them, for what would make it
 * build far more than an event log needs: its validator keeps a match per attribute of a tag and
 * every open tag, and the parser a node per element, so 20 MB of one tag's attributes
 * (`<a x="1" y="1" …`, `<a <a <a …`), of unclosed tags or of empty elements would cost gigabytes.
 */
function screenTags(bare: string): string | null {
  let depth = 0;
  let elements = 0;
  const limit = maxElements(bare.length);
  for (let i = bare.indexOf('<'); i >= 0;) {
    let attributes = 0;
    let quote = 0;
    let j = i + 1;
    for (; j < bare.length; j++) {
      const c = bare.charCodeAt(j);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 61) attributes++;
      else if (c === 62) break;
      else if (c === 60) return 'not well-formed XML: a "<" inside a tag (perhaps truncated)';
      if (j - i > MAX_TAG_CHARS) return `a tag longer than ${MAX_TAG_CHARS} characters`;
    }
    if (attributes > MAX_TAG_ATTRIBUTES) {
      return `a tag with more than ${MAX_TAG_ATTRIBUTES} attributes`;
    }
    if (j >= bare.length) return null; // never closed: the validator says where
    if (bare.charCodeAt(i + 1) === 47)
      depth--; // </…>
    else {
      if (++elements > limit) return `more elements than XES of its size holds (at most ${limit})`;
      if (bare.charCodeAt(j - 1) !== 47 && ++depth > XES_MAX_DEPTH) {
        return `elements nested deeper than XES ever needs (${XES_MAX_DEPTH})`;
      }
    }
    i = bare.indexOf('<', j + 1);
  }
  return null;
}

/** An `&` that starts none of XML's five entities or a character reference. */
const UNDECLARED_ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
/**
 * Whether XML 1.0 allows the character (its `Char` production): no NUL, no C0 control but tab and
 * line ends, no surrogate, no U+FFFE or U+FFFF.
 */
const xmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

const CHARACTER_REFERENCE = /&#(x[0-9a-fA-F]+|[0-9]+);/g;

/**
 * A character XML 1.0 does not allow, written as it is or as a character reference (`&#0;`,
 * `&#xFFFF;`), as its code point in our words; null when there is none. Such a file is not
 * well-formed, whatever a lenient parser makes of it (NUL in a value cuts it short for many
 * readers of the log).
 */
function forbiddenCharacter(text: string, bare: string): string | null {
  // Written as they are: a C0 control but tab and line ends, U+FFFE or U+FFFF (surrogates come
  // in pairs here, as the text was decoded from UTF-8).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 || c >= 0xfffe) && !xmlChar(c)) return codePoint(c);
  }
  CHARACTER_REFERENCE.lastIndex = 0;
  for (let m = CHARACTER_REFERENCE.exec(bare); m; m = CHARACTER_REFERENCE.exec(bare)) {
    const digits = m[1]!;
    const value = digits[0] === 'x' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
    if (!xmlChar(value)) return value > 0x10ffff ? 'beyond U+10FFFF' : codePoint(value);
  }
  return null;
}

const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** The validator's kinds of fault (its codes are its own words; its messages quote the text). */
const XML_FAULT: Record<string, string> = {
  InvalidTag: 'a tag',
  InvalidAttr: 'an attribute',
  InvalidXml: 'the structure',
  InvalidChar: 'a character',
};
/** An XES version as the standard writes them (`1849-2016`, `1.0`, `2.0`): shown when valid. */
const XES_VERSION = /^\d[\d.-]{0,15}$/;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // No DOCTYPE ever reaches the parser (it is refused first), so only XML's own entities remain;
  // `attr` decodes those in the few values that are read.
  processEntities: false,
  maxNestedTags: XES_MAX_DEPTH,
  isArray: (name) => XES_REPEATED.has(name),
});

/** An XES attribute element and those nested in it (XES 2.0 nested attributes). */
function checkXesAttributes(node: XmlNode, at: string, problems: Problems): void {
  for (const tag of XES_ATTRIBUTES) {
    asNodes(node[tag]).forEach((a, i) => {
      const key = attr(a, 'key');
      // By its place, not its key: the key is the file's text.
      const where = `${at} <${tag}> #${i + 1}`;
      if (key === undefined || key === '') problems.add(`${where} has no key`);
      const value = attr(a, 'value');
      if ((XES_VALUED as readonly string[]).includes(tag)) {
        if (value === undefined) problems.add(`${where} has no value`);
        else if (tag === 'date' && !isIsoDateTime(value)) {
          problems.add(`${where}: the value is not an xs:dateTime`);
        } else if (tag === 'int' && !/^[+-]?\d+$/.test(value.trim())) {
          problems.add(`${where}: the value is not a whole number`);
        } else if (
          tag === 'float' &&
          !/^\s*(?:[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)\s*$/.test(value)
        ) {
          problems.add(`${where}: the value is not a number`);
        } else if (tag === 'boolean' && !/^\s*(?:true|false|1|0)\s*$/.test(value)) {
          problems.add(`${where}: the value is not true or false`);
        }
      }
      checkXesAttributes(a, where, problems);
      for (const values of asNodes(a.values)) checkXesAttributes(values, where, problems);
    });
  }
}

function checkXesEvent(event: XmlNode, at: string, problems: Problems): void {
  const named = asNodes(event.string).some((s) => attr(s, 'key') === 'concept:name');
  if (!named) problems.add(`${at} has no <string key="concept:name">`);
  const stamp = asNodes(event.date).find((d) => attr(d, 'key') === 'time:timestamp');
  if (!stamp) problems.add(`${at} has no <date key="time:timestamp">`);
  checkXesAttributes(event, at, problems);
}

/**
 * XES text: well-formed XML without a DOCTYPE, whose root is `<log xes.version>`; its traces and
 * events, each event named (`concept:name`) and timed (`time:timestamp`), and every typed
 * attribute with a key and a value of its type.
 */
export function checkXesText(text: string): LogCheck {
  if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
  const bare = withoutLiterals(text);
  // A DTD can declare entities that expand without bound (billion laughs) or read local files
  // (XXE). XES needs none, so any is refused before a parser sees the text.
  if (/<!DOCTYPE|<!ENTITY/i.test(bare)) {
    return {
      ok: false,
      reason:
        'has a DOCTYPE or ENTITY declaration, which XES never needs (refused: entities can expand without bound or read other files)',
    };
  }
  const tags = screenTags(bare);
  if (tags) return { ok: false, reason: tags };
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    // The validator's message quotes tags and text: only its kind of fault and where are told.
    const { code, line, col } = wellFormed.err;
    const what = XML_FAULT[code] ? ` (${XML_FAULT[code]})` : '';
    return {
      ok: false,
      reason: `not well-formed XML (perhaps truncated) at line ${Number(line)}${col ? `, column ${Number(col)}` : ''}${what}`,
    };
  }
  if (UNDECLARED_ENTITY.test(bare)) {
    return {
      ok: false,
      reason:
        'not well-formed XML: an & starts no entity XML knows (&amp; &lt; &gt; &quot; &apos; or a character reference)',
    };
  }
  const forbidden = forbiddenCharacter(text, bare);
  if (forbidden) {
    return {
      ok: false,
      reason: `not well-formed XML: holds a character XML does not allow (${forbidden})`,
    };
  }
  let doc: XmlNode;
  try {
    doc = parser.parse(text) as XmlNode;
  } catch {
    return { ok: false, reason: 'not readable as XML' };
  }
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && k !== '#text');
  if (roots.length !== 1 || roots[0] !== 'log') {
    return {
      ok: false,
      reason:
        roots.length === 1
          ? 'the root element is not <log>'
          : 'the document must have one root element, <log>',
    };
  }
  const rootValue = doc.log;
  if (Array.isArray(rootValue))
    return { ok: false, reason: 'the document has more than one <log>' };
  const log: XmlNode =
    typeof rootValue === 'object' && rootValue !== null ? (rootValue as XmlNode) : {};
  const version = attr(log, 'xes.version');
  if (!version?.trim()) return { ok: false, reason: '<log> has no xes.version' };

  const problems = new Problems();
  asNodes(log.extension).forEach((x, i) => {
    for (const a of ['name', 'prefix', 'uri']) {
      if (!attr(x, a)) problems.add(`<extension> #${i + 1} has no ${a}`);
    }
  });
  asNodes(log.global).forEach((g, i) => {
    const scope = attr(g, 'scope') ?? 'event';
    if (scope !== 'trace' && scope !== 'event') {
      problems.add(`<global> #${i + 1}: its scope is neither trace nor event`);
    }
    checkXesAttributes(g, `<global> #${i + 1}`, problems);
  });
  asNodes(log.classifier).forEach((c, i) => {
    if (!attr(c, 'name') || !attr(c, 'keys'))
      problems.add(`<classifier> #${i + 1} needs a name and keys`);
  });
  checkXesAttributes(log, '<log>', problems);

  const traces = asNodes(log.trace);
  let events = 0;
  traces.forEach((trace, i) => {
    const at = `<trace> #${i + 1}`;
    checkXesAttributes(trace, at, problems);
    asNodes(trace.event).forEach((event, j) => {
      events++;
      checkXesEvent(event, `${at} <event> #${j + 1}`, problems);
    });
  });
  // IEEE 1849-2016 lets a log hold events outside any trace too.
  asNodes(log.event).forEach((event, j) => {
    events++;
    checkXesEvent(event, `<log> <event> #${j + 1}`, problems);
  });
  // The version is the file's text: told only when it reads as a version number.
  const named = XES_VERSION.test(version.trim()) ? `${XES_LABEL} ${version.trim()}` : XES_LABEL;
  return problems.result(
    () => `${named}: ${plural(traces.length, 'trace')}, ${plural(events, 'event')}`,
  );
}
