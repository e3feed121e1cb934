/** VEHICLE_IDENTIFICATION_NUMBER and LICENSE_PLATE. */
import { vinCheckValid } from '../checksums.js';
import { gluedAfter, gluedBefore, hasContext, patternRecognizer, wordsRegex, type Recognizer } from '../recognizer.js';

// VINs never use I, O or Q.
const VIN_RE = /[A-HJ-NPR-Z0-9]{17}/g;
const VIN_CONTEXT = wordsRegex(['vin', 'vehicle identification', 'chassis', 'vehicle', 'car', 'truck']);

export function vinRecognizer(): Recognizer {
  return patternRecognizer(
    'VEHICLE_IDENTIFICATION_NUMBER',
    VIN_RE,
    (m, text, at) => {
      const v = m[0];
      if (gluedBefore(text, at) || gluedAfter(text, at + v.length) || !/\d/.test(v) || !/[A-Z]/.test(v)) return null;
      const context = hasContext(text, at, at + v.length, VIN_CONTEXT);
      if (vinCheckValid(v)) return context ? 0.95 : 0.75;
      // Outside North America the check digit is optional; the serial part is still numeric.
      return context && /\d{4}$/.test(v) ? 0.7 : null;
    },
    { nearDigits: true },
  );
}

// Keywords in either case; the plate itself in capitals (a lower-case word after "plate" is prose).
const PLATE_RE =
  /(?:[Ll]icen[sc]e\s*[Pp]late|LICEN[SC]E\s*PLATE|[Nn]umber\s*[Pp]late|[Pp]late\s*(?:[Nn]umber|[Nn]o\.?)?|PLATE|[Rr]egistration\s*(?:[Nn]umber|[Nn]o\.?|[Pp]late)|[Rr]eg\.?\s*(?:[Nn]o\.?|[Nn]umber)|[Vv]ehicle\s*[Rr]egistration|[Tt]ag\s*[Nn]umber)(?:\s*(?:is|was|:|=|-|reads))?\s*([A-Z0-9]{1,4}(?:[- ]?[A-Z0-9]{1,4}){1,2})(?![A-Za-z0-9])/g;

export function licensePlateRecognizer(): Recognizer {
  return patternRecognizer(
    'LICENSE_PLATE',
    PLATE_RE,
    (m, text, at) => {
      const raw = m[1] ?? '';
      const plate = raw.replace(/[- ]/g, '');
      if (gluedBefore(text, at) || plate.length < 4 || plate.length > 9 || !/\d/.test(plate)) return null;
      return 0.8;
    },
    { group: 1, nearDigits: true },
  );
}
