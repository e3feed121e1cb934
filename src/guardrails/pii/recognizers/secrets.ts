/** AWS_ACCESS_KEY, AWS_SECRET_KEY, API_KEY, PASSWORD and USERNAME. */
import { eachMatch, gluedAfter, gluedBefore, patternRecognizer, type Recognizer } from '../recognizer.js';

const AWS_ACCESS_RE = /A(?:KIA|SIA|GPA|IDA|ROA|IPA|NPA|NVA|BIA|CCA|3T[A-Z0-9])[A-Z0-9]{16}/g;

export function awsAccessKeyRecognizer(): Recognizer {
  return patternRecognizer('AWS_ACCESS_KEY', AWS_ACCESS_RE, (m, text, at) =>
    gluedBefore(text, at) || gluedAfter(text, at + m[0].length) ? null : 0.95,
  );
}

// Secret keys have no prefix: they are looked for only shortly after words that name them.
const AWS_SECRET_CONTEXT = /aws|secret|access[\s_-]*key/gi;
const AWS_SECRET_VALUE = /[A-Za-z0-9/+]{40}/g;
const AWS_SECRET_REACH = 96;

export function awsSecretKeyRecognizer(): Recognizer {
  return {
    entity: 'AWS_SECRET_KEY',
    find(text, out) {
      let scannedTo = 0;
      eachMatch(AWS_SECRET_CONTEXT, text, (cue) => {
        const from = Math.max(scannedTo, cue.index + cue[0].length);
        const to = Math.min(text.length, cue.index + cue[0].length + AWS_SECRET_REACH);
        if (from >= to) return;
        scannedTo = to;
        const part = text.slice(from, to);
        eachMatch(AWS_SECRET_VALUE, part, (m) => {
          const start = from + m.index;
          const v = m[0];
          if (gluedBefore(text, start, '/+=') || gluedAfter(text, start + 40, '/+=') || /[/+=]/.test(text[start + 40] ?? '')) return;
          // Real keys mix cases and digits; hex digests and words do not.
          if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) return;
          out.push({ start, end: start + 40, entity: 'AWS_SECRET_KEY', score: 0.85 });
        });
      });
    },
  };
}

// Vendor token shapes with fixed prefixes: distinctive enough on their own.
const API_KEY_RE = new RegExp(
  [
    'sk-(?:proj-|svcacct-|admin-|ant-(?:api\\d\\d-|admin\\d\\d-)?)?[A-Za-z0-9_-]{20,200}',
    'gh[pousr]_[A-Za-z0-9]{36,255}',
    'github_pat_[A-Za-z0-9_]{22,255}',
    'xox[abposr]-[A-Za-z0-9-]{10,200}',
    'xapp-\\d-[A-Za-z0-9-]{10,200}',
    'AIza[0-9A-Za-z_-]{35}',
    '(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{16,200}',
    'glpat-[A-Za-z0-9_-]{20,64}',
    'npm_[A-Za-z0-9]{36}',
    'hf_[A-Za-z0-9]{30,64}',
    'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}',
    'eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{10,2000}',
    'shpat_[a-fA-F0-9]{32}',
    'dop_v1_[a-f0-9]{64}',
    'pypi-[A-Za-z0-9_-]{50,200}',
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'g',
);


// "api_key = …", "Authorization: Bearer …": a long mixed token right after the name.
const NAMED_SECRET_RE =
  /(?:api[_ -]?key|apikey|api[_ -]?token|access[_ -]?token|auth[_ -]?token|secret[_ -]?key|client[_ -]?secret|private[_ -]?key|bearer|x-api-key)["']?\s*(?:is|:|=|:=|=>)?\s*["']?([A-Za-z0-9_\-./+=]{16,512})/gi;

const PEM_HEADER = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/g;

export function apiKeyRecognizer(): Recognizer {
  return {
    entity: 'API_KEY',
    find(text, out) {
      eachMatch(API_KEY_RE, text, (m) => {
        const end = m.index + m[0].length;
        if (gluedBefore(text, m.index, '_-') || gluedAfter(text, end, '_-') || /[A-Za-z0-9_-]/.test(text[end] ?? '')) return;
        out.push({ start: m.index, end, entity: 'API_KEY', score: 0.9 });
      });
      eachMatch(NAMED_SECRET_RE, text, (m) => {
        if (gluedBefore(text, m.index)) return;
        const value = (m[1] ?? '').replace(/[.]+$/, '');
        if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return;
        const start = m.index + m[0].length - (m[1] ?? '').length;
        out.push({ start, end: start + value.length, entity: 'API_KEY', score: 0.75 });
      });
      eachMatch(PEM_HEADER, text, (m) => {
        const endMarker = text.indexOf('-----END', m.index + m[0].length);
        const close = endMarker < 0 ? -1 : text.indexOf('-----', endMarker + 8);
        const end = close < 0 || close - m.index > 16384 ? m.index + m[0].length : close + 5;
        out.push({ start: m.index, end, entity: 'API_KEY', score: 0.9 });
      });
    },
  };
}

const PASSWORD_RE =
  /(?:password|passwd|pwd|passphrase|pass phrase|passcode|kennwort|contraseña|mot de passe)(?:\s+(?:for\s+\S{1,40}\s+)?(?:is|was|will be))?\s*(:|=|is|was)?\s*["'`]?([^\s"'`]{4,128})/gi;
// Words that follow "password is" in ordinary sentences.
const NOT_A_PASSWORD = new Set(
  (
    'incorrect wrong invalid expired correct required needed weak strong too very not the a an my your his her their our ' +
    'same case reset changed different still being empty blank missing long short secure insecure protected stored ' +
    'saved hashed encrypted sent shown hidden and but for with when that this which what manager policy field protected'
  ).split(' '),
);

export function passwordRecognizer(): Recognizer {
  return {
    entity: 'PASSWORD',
    find(text, out) {
      eachMatch(PASSWORD_RE, text, (m) => {
        if (gluedBefore(text, m.index)) return;
        const raw = m[2] ?? '';
        const value = raw.replace(/[.,;:!?)]+$/, '');
        if (value.length < 4 || NOT_A_PASSWORD.has(value.toLowerCase())) return;
        const explicit = m[1] === ':' || m[1] === '=';
        const plainWord = /^\p{Ll}+$/u.test(value);
        if (!m[1] && plainWord) return;
        const score = explicit ? 0.85 : plainWord ? 0.6 : 0.8;
        const start = m.index + m[0].length - raw.length;
        out.push({ start, end: start + value.length, entity: 'PASSWORD', score });
      });
    },
  };
}

const USERNAME_RE =
  /(?:user[ _-]?name|user[ _-]?id|userid|login(?:\s*name)?|screen\s*name|handle|account\s*name)\s*(?:[:=]|\bis\b|\bwas\b)\s*["'`]?(@?[\p{L}\p{N}._-]{3,64})/giu;
const NOT_A_USERNAME = new Set('the and for with your my his her their our this that is was not same taken available required'.split(' '));

export function usernameRecognizer(): Recognizer {
  return {
    entity: 'USERNAME',
    find(text, out) {
      eachMatch(USERNAME_RE, text, (m) => {
        if (gluedBefore(text, m.index)) return;
        const value = (m[1] ?? '').replace(/[.]+$/, '');
        if (value.length < 3 || NOT_A_USERNAME.has(value.toLowerCase())) return;
        const start = m.index + m[0].length - (m[1] ?? '').length;
        out.push({ start, end: start + value.length, entity: 'USERNAME', score: 0.75 });
      });
    },
  };
}
