/**
 * Reads a coordinator's text file whatever its encoding, so that a file saved by an old spreadsheet is
 * never read garbled (« Caf� des a�n�s »). UTF-8 with or without BOM is read as is; UTF-16 (with its BOM)
 * and Windows-1252 / Latin-1 are converted, with a notice telling how to save the file in UTF-8.
 * Windows-1252 is the superset of Latin-1 that French spreadsheets write; any byte sequence that is not
 * valid UTF-8 is decoded as Windows-1252 (a UTF-8 check is strict enough that a real UTF-8 file never
 * falls through).
 */
import { readFileSync } from 'node:fs';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** French notice when the file was converted (absent for UTF-8). */
  notice?: string;
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (€, ‚, ƒ, „, …, ’, œ, –, —…). Node's TextDecoder('windows-1252') decodes
 * them as Latin-1 control characters (nodejs/node#56542), so they are mapped here; the rest is Latin-1.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

const SAVE_AS_UTF8 = 'enregistrez-le en UTF-8 (dans le tableur : « Enregistrer sous » → CSV UTF-8 ; dans un éditeur : encodage UTF-8)';

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      encoding: 'utf-16le',
      notice: `fichier en UTF-16 : converti pour la lecture ; ${SAVE_AS_UTF8}`,
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      encoding: 'utf-16be',
      notice: `fichier en UTF-16 : converti pour la lecture ; ${SAVE_AS_UTF8}`,
    };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      encoding: 'windows-1252',
      notice: `fichier en Latin-1 / Windows-1252 (ancien tableur) et non en UTF-8 : les accents ont été convertis pour la lecture ; vérifiez-les puis ${SAVE_AS_UTF8}`,
    };
  }
}

export function readText(absPath: string): DecodedText {
  return decodeText(readFileSync(absPath));
}
