/**
 * EMAIL, URL, IP_ADDRESS and MAC_ADDRESS: formats strict enough to need no context. Each is found
 * from a cheap anchor ("@", "://", "www.", ".tld", ":" or a digit) and then read with bounded or
 * sticky patterns, so runs like "aaaa…", "a@a@a@…" or "::::" stay linear.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { eachMatch, eachMatchNearDigits, gluedAfter, gluedBefore, type Candidate, type Recognizer } from '../recognizer.js';

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_AT = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,8}\p{L}{2,24}(?![\p{L}\p{N}_-]|\.[\p{L}\p{N}])/uy;
const MAX_LOCAL = 64;

function isAsciiAlnum(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function isLocalChar(code: number): boolean {
  if (code < 128) return isAsciiAlnum(code) || code === 46 || code === 95 || code === 37 || code === 43 || code === 45;
  return LOCAL_CHAR.test(String.fromCharCode(code));
}

export function emailRecognizer(): Recognizer {
  return {
    entity: 'EMAIL',
    find(text, out) {
      for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
        let start = at;
        while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charCodeAt(start - 1))) start--;
        // Too long a local part is no address.
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

const SCHEME_RE = /(?:https?|ftps?|sftp|wss?):\/\//gi;
const URL_REST = /[^\s<>"'`{}|\\^\u00A0]{1,2048}/y;
const WWW_RE = /www\d{0,3}\./gi;
const WWW_HOST = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.){1,6}\p{L}{2,24}(?::\d{2,5})?(?:[/?#][^\s<>"'`{}|\\^]{0,2048})?/uy;

// Bare domains are only taken with a top-level domain that is rarely a file extension; they are
// found from the ".tld" and read backwards.
const BARE_TLDS =
  'com|net|org|edu|gov|mil|int|info|biz|io|co|dev|app|ai|cloud|tech|online|site|xyz|shop|store|blog|news|uk|de|fr|es|se|dk|fi|nl|be|ch|at|it|pt|cz|sk|hu|ro|gr|ee|lv|lt|ie|is|ru|ua|jp|cn|kr|au|nz|ca|br|mx|ar|cl|za|eu|us|no';
const TLD_RE = new RegExp(`\\.(?:${BARE_TLDS})(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}])`, 'giu');
const HOST_CHAR = /[\p{L}\p{N}.-]/u;
const PATH_AT = /(?::\d{2,5})?(?:\/[^\s<>"'`{}|\\^]{0,2048})?/y;
const MAX_HOST = 253;

const TRAILING_PUNCT = /[.,;:!?'"»)\]}>]+$/u;

/** Drops sentence punctuation after a URL, keeping a closing bracket that has its opener inside. */
function trimUrlEnd(url: string): string {
  let out = url;
  while (TRAILING_PUNCT.test(out)) {
    const last = out[out.length - 1] ?? '';
    if (last === ')' && count(out, '(') >= count(out, ')')) return out;
    if (last === ']' && count(out, '[') >= count(out, ']')) return out;
    out = out.slice(0, -1);
  }
  return out;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function bareDomainStart(text: string, dot: number): number {
  let start = dot;
  while (start > 0 && dot - start < MAX_HOST) {
    const code = text.charCodeAt(start - 1);
    const ok = code < 128 ? isAsciiAlnum(code) || code === 45 || code === 46 : HOST_CHAR.test(String.fromCharCode(code));
    if (!ok) break;
    start--;
  }
  return start;
}

export function urlRecognizer(): Recognizer {
  return {
    entity: 'URL',
    find(text, out) {
      const push = (start: number, raw: string, score: number): void => {
        const value = trimUrlEnd(raw);
        if (value.length >= 4) out.push({ start, end: start + value.length, entity: 'URL', score });
      };
      eachMatch(SCHEME_RE, text, (m) => {
        if (gluedBefore(text, m.index)) return;
        URL_REST.lastIndex = m.index + m[0].length;
        const rest = URL_REST.exec(text);
        if (rest) push(m.index, m[0] + rest[0], 0.95);
      });
      eachMatch(WWW_RE, text, (m) => {
        if (gluedBefore(text, m.index, '@./-')) return;
        WWW_HOST.lastIndex = m.index + m[0].length;
        const host = WWW_HOST.exec(text);
        if (host) push(m.index, m[0] + host[0], 0.9);
      });
      eachMatch(TLD_RE, text, (m) => {
        const start = bareDomainStart(text, m.index);
        const before = start > 0 ? text[start - 1] : '';
        // Part of an email, a path or a scheme URL: not a bare domain.
        if (before === '@' || before === '/' || before === '_' || start === m.index) return;
        const host = text.slice(start, m.index + m[0].length).replace(/^[.-]+/, '');
        const labels = host.split('.');
        // "e.g"-like abbreviations, single letters and dotted numbers are not domains.
        if ((labels[labels.length - 2] ?? '').length < 2 || labels.some((l) => l.length === 0)) return;
        if (labels.slice(0, -1).every((l) => /^\d+$/.test(l))) return;
        if (/^www\d{0,3}$/i.test(labels[0] ?? '')) return;
        PATH_AT.lastIndex = m.index + m[0].length;
        const path = PATH_AT.exec(text)?.[0] ?? '';
        push(m.index + m[0].length - host.length, host + path, 0.6);
      });
    },
  };
}

const IPV4_RE = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
const VERSION_BEFORE = /\b(?:version|ver|v|release|build|firmware|section|chapter)\.?\s*$/i;

function isHexOrColon(code: number): boolean {
  return (code >= 48 && code <= 58) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** IPv6 candidates: maximal runs of hex digits, colons (and dots, for an embedded IPv4 tail). */
function findIpv6(text: string, out: Candidate[]): void {
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let start = colon;
    while (start > 0 && isHexOrColon(text.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    while (end < text.length && (isHexOrColon(text.charCodeAt(end)) || text.charCodeAt(end) === 46)) end++;
    // Move past the whole run: any later colon in it belongs to the same candidate.
    const next = end;
    while (end > start && (text[end - 1] === '.' || (text[end - 1] === ':' && text[end - 2] !== ':'))) end--;
    const value = text.slice(start, end);
    colon = next - 1;
    if (value.length < 3 || value.length > 45 || gluedBefore(text, start, '.') || gluedAfter(text, end)) continue;
    if ((value.match(/:/g)?.length ?? 0) < 2 || !isIPv6(value)) continue;
    const groups = value.split(':').filter((g) => g.length > 0).length;
    if (groups < 2 && !value.startsWith('::')) continue;
    out.push({ start, end, entity: 'IP_ADDRESS', score: 0.9 });
  }
}

export function ipRecognizer(): Recognizer {
  return {
    entity: 'IP_ADDRESS',
    find(text, out, ctx) {
      eachMatchNearDigits(IPV4_RE, ctx, (m, offset) => {
        const start = m.index + offset;
        const end = start + m[0].length;
        if (!isIPv4(m[0]) || gluedBefore(text, start, '.') || gluedAfter(text, end, '.')) return;
        // Version strings share the shape; their context words are a good tell.
        if (VERSION_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return;
        out.push({ start, end, entity: 'IP_ADDRESS', score: 0.9 });
      });
      findIpv6(text, out);
    },
  };
}

const MAC_AT = /[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}/y;
const MAC_SEPARATOR = /[:.-]/g;

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** MAC addresses are found from their first separator, so letter-heavy text costs nothing. */
export function macRecognizer(): Recognizer {
  return {
    entity: 'MAC_ADDRESS',
    find(text, out) {
      let scannedTo = 0;
      eachMatch(MAC_SEPARATOR, text, (sep) => {
        const p = sep.index;
        if (p < scannedTo) return;
        const width = sep[0] === '.' ? 4 : 2;
        const start = p - width;
        if (start < 0 || !isHex(text.charCodeAt(start)) || !isHex(text.charCodeAt(p - 1)) || !isHex(text.charCodeAt(p + 1))) return;
        MAC_AT.lastIndex = start;
        const m = MAC_AT.exec(text);
        if (!m) return;
        const end = start + m[0].length;
        scannedTo = end;
        if (gluedBefore(text, start, ':.-') || gluedAfter(text, end, ':.-')) return;
        // Dotted or dashed groups of plain digits are numbers, not hardware addresses.
        if (m[1] !== ':' && !/[a-f]/i.test(m[0])) return;
        out.push({ start, end, entity: 'MAC_ADDRESS', score: 0.85 });
      });
    },
  };
}
