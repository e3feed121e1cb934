/** VEHICLE_IDENTIFICATION_NUMBER and LICENSE_PLATE. */
import { vinCheckValid } from '../checksums.js';
import { hasContext, patternRecognizer, wordsRegex, type Recognizer } from '../recognizer.js';

// VINs never use I, O or Q.
const VIN_RE = /(?=[A-HJ-NPR-Z0-9])(?<![\p{L}\p{N}])[A-HJ-NPR-Z0-9]{17}(?![\p{L}\p{N}])/gu;
const VIN_CONTEXT = wordsRegex(['vin', 'vehicle identification', 'chassis', 'vehicle', 'car', 'truck']);

export function vinRecognizer(): Recognizer {
  return patternRecognizer('VEHICLE_IDENTIFICATION_NUMBER', VIN_RE, (m, text) => {
    const v = m[0];
    if (!/\d/.test(v) || !/[A-Z]/.test(v)) return null;
    const context = hasContext(text, m.index, m.index + v.length, VIN_CONTEXT);
    if (vinCheckValid(v)) return context ? 0.95 : 0.75;
    // Outside North America the check digit is optional; the serial part is still numeric.
    return context && /\d{4}$/.test(v) ? 0.7 : null;
  });
}

const PLATE_RE =
  /(?=[lLnNpPrRvVtT])(?<![\p{L}])(?:licen[sc]e\s*plate|number\s*plate|plate\s*(?:number|no\.?)?|registration\s*(?:number|no\.?|plate)|reg\.?\s*(?:no\.?|number)|vehicle\s*registration|tag\s*number)(?:\s*(?:is|was|:|=|-|reads))?\s*([A-Z0-9]{1,4}(?:[- ]?[A-Z0-9]{1,4}){1,2})(?![\p{L}\p{N}])/giu;

export function licensePlateRecognizer(): Recognizer {
  return patternRecognizer(
    'LICENSE_PLATE',
    PLATE_RE,
    (m) => {
      const plate = (m[1] ?? '').replace(/[- ]/g, '');
      if (plate.length < 4 || plate.length > 9 || !/\d/.test(plate)) return null;
      // Plates are written in capitals; a lower-case word after "plate" is ordinary text.
      if (/[a-z]/.test(m[1] ?? '')) return null;
      return 0.8;
    },
    0.5,
    1,
  );
}
