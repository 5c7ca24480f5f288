/**
 * Bytes of an uploaded file -> text. UTF-8 (with or without BOM) and UTF-16 (by BOM, as Excel's
 * "Unicode Text" writes it) are accepted. Anything else is refused with the position of the first
 * bad byte rather than guessed at: silently reading Windows-1252 would turn "Zürich" into
 * mojibake whenever the guess is wrong, and the fix (save as UTF-8) is one click in Excel.
 */
import { msg, type ImportMessage } from './import-types';

export class DecodeError extends Error {
  constructor(
    readonly problem: ImportMessage,
    /** 1-based line of the offending byte, when there is one. */
    readonly line?: number,
  ) {
    super(problem.code);
    this.name = 'DecodeError';
  }
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DecodeError(msg('fileEmpty'));
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = decodeUtf8(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16le').decode(swapBytes(bytes.subarray(2)));
  } else if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) {
    // UTF-16 LE without a BOM: ASCII text with every other byte zero.
    text = new TextDecoder('utf-16le').decode(bytes);
  } else if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) {
    text = new TextDecoder('utf-16le').decode(swapBytes(bytes));
  } else {
    text = decodeUtf8(bytes);
  }
  if (text.trim() === '') throw new DecodeError(msg('fileEmpty'));
  return text;
}

/** UTF-16 BE -> LE, so only the decoder every engine has is needed. */
function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1]!;
    out[i + 1] = bytes[i]!;
  }
  return out;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The fast decoder does not say where it failed: find the byte to point the user at it.
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at] ?? 0;
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    throw new DecodeError(msg(byte >= 0x80 ? 'notUtf8Latin' : 'notUtf8', hex, String(line)), line);
  }
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid too.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return bytes.length;
}
