/**
 * Endings that mark a word as a family name in many European and Asian naming traditions
 * (patronymics, Slavic and Baltic adjectival forms, Finnish -nen, Japanese place-derived names…).
 */
const SURNAME_ENDINGS = [
  'sson', 'ssen', 'sen', 'sdóttir', 'dóttir', 'dottir', 'ová', 'ova', 'eva', 'ovа', 'ský', 'ská', 'cký', 'cká', 'ný',
  'ski', 'ska', 'cki', 'cka', 'dzki', 'dzka', 'wicz', 'owicz', 'ewicz', 'czyk', 'czak', 'iak', 'ović', 'ević', 'ovic',
  'evic', 'vić', 'šić', 'čić', 'ić', 'ovich', 'evich', 'enko', 'chuk', 'czuk', 'yuk', 'iuk', 'nen', 'lainen', 'mäki',
  'opoulos', 'poulos', 'akis', 'idis', 'ides', 'iadis', 'oglu', 'oğlu', 'yan', 'shvili', 'dze', 'ini', 'elli', 'etti',
  'otti', 'ucci', 'acci', 'escu', 'eanu', 'berg', 'stein', 'mann', 'ström', 'strom', 'qvist', 'quist', 'gren', 'lund',
  'dahl', 'feldt', 'ov', 'ev', 'aev', 'iev', 'yev', 'kov', 'kova', 'aitė', 'ienė', 'auskas', 'iūnas', 'ėnas', 'aitis',
  'yama', 'moto', 'mura', 'kawa', 'hara', 'naga', 'shita', 'saki', 'zaki', 'shima', 'jima', 'guchi', 'tani', 'uchi',
  'ez', 'ás', 'ák', 'ek', 'ík', 'ěk', 'sky', 'ska', 'ich', 'ner', 'huber', 'bauer', 'meyer', 'meier',
].sort((a, b) => b.length - a.length);

const ENDINGS_RE = new RegExp(`(?:${SURNAME_ENDINGS.join('|')})$`, 'u');

const STRONG_ENDINGS = [
  'sson', 'ssen', 'sen', 'sdóttir', 'dóttir', 'dottir', 'ová', 'ova', 'ski', 'ska', 'cki', 'cka', 'wicz', 'ić', 'vić',
  'ović', 'ević', 'ovich', 'evich', 'enko', 'chuk', 'nen', 'lainen', 'poulos', 'akis', 'oglu', 'oğlu', 'shvili', 'dze',
  'escu', 'eanu', 'ström', 'qvist', 'quist', 'yev', 'iev', 'aev', 'kov', 'kova', 'ov', 'ev',
].sort((a, b) => b.length - a.length);
const STRONG_RE = new RegExp(`(?:${STRONG_ENDINGS.join('|')})$`, 'u');

/** Endings that are rarely anything but a family name (patronymics, Slavic and Nordic forms). */
export function strongSurnameShape(lower: string): boolean {
  return lower.length >= 5 && lower.length <= 30 && STRONG_RE.test(lower);
}

/** Lower-case word of at least five letters with a family-name ending. */
export function looksLikeSurname(lower: string): boolean {
  return lower.length >= 5 && lower.length <= 30 && ENDINGS_RE.test(lower);
}
