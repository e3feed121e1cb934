/** EMAIL, URL, IP_ADDRESS and MAC_ADDRESS: formats strict enough to need no context. */
import { isIPv6 } from 'node:net';
import { eachMatch, patternRecognizer, wordsRegex, hasContext, type Recognizer } from '../recognizer.js';

// Emails are found from their "@": the local part is read backwards with a bound, the domain
// with an anchored (sticky) pattern, so runs like "aaaa…" or "a@a@a@…" stay linear.
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_AT = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])/uy;
const MAX_LOCAL = 64;

function isLocalChar(code: number): boolean {
  if (code < 128) {
    return (
      (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
      code === 46 || code === 95 || code === 37 || code === 43 || code === 45
    );
  }
  return LOCAL_CHAR.test(String.fromCharCode(code));
}

export function emailRecognizer(): Recognizer {
  return {
    entity: 'EMAIL',
    find(text, out) {
      for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
        let start = at;
        while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
        // Too long a local part, or one glued to more local characters, is not an address.
        if (start > 0 && isLocalChar(text.charCodeAt(start - 1))) continue;
        while (start < at && text[start] === '.') start++;
        if (start === at) continue;
        DOMAIN_AT.lastIndex = at + 1;
        const m = DOMAIN_AT.exec(text);
        if (!m) continue;
        const local = text.slice(start, at);
        if (local.includes('..') || local.endsWith('.')) continue;
        out.push({ start, end: at + 1 + m[0].length, entity: 'EMAIL', score: 1 });
      }
    },
  };
}

const SCHEME_URL_RE = /(?=[hfsw])(?<![\p{L}\p{N}])(?:https?|ftps?|sftp|wss?):\/\/[^\s<>"'`{}|\\^\u00A0]{1,2048}/giu;
const WWW_URL_RE =
  /(?=[wW])(?<![\p{L}\p{N}@./-])www\d{0,3}\.(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,6}\p{L}{2,24}(?::\d{2,5})?(?:[/?#][^\s<>"'`{}|\\^]{0,2048})?/giu;

// Bare domains are only taken with a top-level domain that is rarely a file extension. They are
// found from the ".tld" and read backwards, which keeps long runs of letters cheap.
const BARE_TLDS =
  'com|net|org|edu|gov|mil|int|info|biz|io|co|dev|app|ai|cloud|tech|online|site|xyz|shop|store|blog|news|uk|de|fr|es|se|dk|fi|nl|be|ch|at|it|pt|cz|sk|hu|ro|gr|ee|lv|lt|ie|is|ru|ua|jp|cn|kr|au|nz|ca|br|mx|ar|cl|za|eu|us|no';
const TLD_RE = new RegExp(`(?=\\.)\\.(?:${BARE_TLDS})(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`, 'giu');
const HOST_CHAR = /[\p{L}\p{N}.-]/u;
const PATH_AT = /(?::\d{2,5})?(?:\/[^\s<>"'`{}|\\^]{0,2048})?/y;
const MAX_HOST = 253;

function bareDomainStart(text: string, dot: number): number {
  let start = dot;
  while (start > 0 && dot - start < MAX_HOST) {
    const code = text.charCodeAt(start - 1);
    const ok = code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 46 : HOST_CHAR.test(String.fromCharCode(code));
    if (!ok) break;
    start--;
  }
  return start;
}

const TRAILING_PUNCT = /[.,;:!?'"»)\]}>]+$/u;

/** Drops sentence punctuation after a URL, keeping a closing bracket that has its opener inside. */
function trimUrlEnd(url: string): string {
  let out = url;
  for (;;) {
    const m = TRAILING_PUNCT.exec(out);
    if (!m) return out;
    const last = out[out.length - 1] ?? '';
    if (last === ')' && count(out, '(') >= count(out, ')')) return out;
    if (last === ']' && count(out, '[') >= count(out, ']')) return out;
    out = out.slice(0, -1);
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

export function urlRecognizer(): Recognizer {
  return {
    entity: 'URL',
    find(text, out) {
      const push = (start: number, raw: string, score: number): void => {
        const value = trimUrlEnd(raw);
        if (value.length < 4) return;
        out.push({ start, end: start + value.length, entity: 'URL', score });
      };
      eachMatch(SCHEME_URL_RE, text, (m) => push(m.index, m[0], 0.95));
      eachMatch(WWW_URL_RE, text, (m) => push(m.index, m[0], 0.9));
      eachMatch(TLD_RE, text, (m) => {
        const start = bareDomainStart(text, m.index);
        const before = start > 0 ? text[start - 1] : '';
        // Part of an email, a path or a longer token: not a bare domain.
        if (before === '@' || before === '/' || before === '_' || start === m.index) return;
        const host = text.slice(start, m.index + m[0].length).replace(/^[.-]+/, '');
        const labels = host.split('.');
        // "e.g"-like abbreviations, single letters and dotted numbers are not domains.
        if ((labels[labels.length - 2] ?? '').length < 2 || labels.some((l) => l.length === 0)) return;
        if (labels.slice(0, -1).every((l) => /^\d+$/.test(l))) return;
        if (/^www\d{0,3}$/i.test(labels[0] ?? '') || text.slice(Math.max(0, start - 3), start) === '://') return;
        PATH_AT.lastIndex = m.index + m[0].length;
        const path = PATH_AT.exec(text)?.[0] ?? '';
        push(m.index + m[0].length - host.length, host + path, 0.6);
      });
    },
  };
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_RE = new RegExp(`(?=\\d)(?<![\\p{N}.])${OCTET}(?:\\.${OCTET}){3}(?!\\p{N}|\\.\\p{N})`, 'gu');
const IPV6_RE =
  /(?=[0-9a-f]{0,4}:)(?<![\p{L}\p{N}:.])(?:[0-9a-f]{1,4}:|::?){1,8}(?:[0-9a-f]{1,4}|:|(?:\d{1,3}\.){3}\d{1,3})?(?![\p{L}\p{N}:])/giu;
const VERSION_CONTEXT = wordsRegex(['version', 'ver', 'v', 'release', 'build', 'firmware', 'section', 'chapter']);

export function ipRecognizer(): Recognizer {
  return {
    entity: 'IP_ADDRESS',
    find(text, out) {
      eachMatch(IPV4_RE, text, (m) => {
        // Version strings share the shape; their context words are a good tell.
        const version = hasContext(text, m.index, m.index + m[0].length, VERSION_CONTEXT, { before: 12, after: 0 });
        if (version) return;
        out.push({ start: m.index, end: m.index + m[0].length, entity: 'IP_ADDRESS', score: 0.9 });
      });
      eachMatch(IPV6_RE, text, (m) => {
        const v = m[0];
        if (v.length < 3 || !v.includes(':') || !isIPv6(v)) return;
        // Needs real address content: at least two hex groups, or a compressed form with one.
        const groups = v.split(':').filter((g) => g.length > 0).length;
        if (groups < 2 && !v.startsWith('::')) return;
        out.push({ start: m.index, end: m.index + v.length, entity: 'IP_ADDRESS', score: 0.9 });
      });
    },
  };
}

const MAC_RE =
  /(?=[0-9a-f]{2}[:-]|[0-9a-f]{4}\.)(?<![\p{L}\p{N}:.-])(?:[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\p{L}\p{N}]|[:.-][\p{L}\p{N}])/giu;

export function macRecognizer(): Recognizer {
  return patternRecognizer('MAC_ADDRESS', MAC_RE, (m) => (/[a-f]/i.test(m[0]) || /[:-]/.test(m[0]) ? 0.85 : null));
}
