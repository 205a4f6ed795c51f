// What a file really is, from its bytes (never from its name or the browser's claim).
// Only documents and pictures a group needs are accepted: PDF, PNG, JPEG, GIF, WebP,
// Office (OOXML: docx/xlsx/pptx; legacy OLE: doc/xls/ppt), OpenDocument (odt/ods/odp).
// Everything else — HTML, SVG, scripts, archives, executables — is refused. Pure, no I/O.

export interface DetectedType {
  mediaType: string;
  /** The extensions a download of this type may carry; the first is the usual one. */
  extensions: readonly string[];
}

const types = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mediaType: 'image/gif', extensions: ['gif'] },
  webp: { mediaType: 'image/webp', extensions: ['webp'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'] },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
  odp: { mediaType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'] },
  doc: { mediaType: 'application/msword', extensions: ['doc'] },
  xls: { mediaType: 'application/vnd.ms-excel', extensions: ['xls'] },
  ppt: { mediaType: 'application/vnd.ms-powerpoint', extensions: ['ppt'] },
} as const satisfies Record<string, DetectedType>;

export const allowedMediaTypes: readonly string[] = Object.values(types).map((t) => t.mediaType);

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/** The extension of a file name, lower case, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return match ? match[1]!.toLowerCase() : '';
}

export function detectType(bytes: Uint8Array, fileName: string): DetectedType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return types.pdf;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return types.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return types.jpeg;
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return types.gif;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return types.webp;
  if (startsWith(bytes, ZIP_LOCAL)) return detectZipDocument(bytes);
  if (startsWith(bytes, OLE)) {
    // The OLE container is the same for all three; its name tells which one was meant.
    const ext = extensionOf(fileName);
    if (ext === 'doc') return types.doc;
    if (ext === 'xls') return types.xls;
    if (ext === 'ppt') return types.ppt;
  }
  return null;
}

const readU16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const readU32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/** The names in a ZIP's central directory, or null when it is not a well-formed ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // End of central directory: 22 bytes plus a comment of up to 65 535 bytes, at the end.
  const minEnd = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= minEnd; at--) {
    if (readU32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = readU16(bytes, end + 10);
  let at = readU32(bytes, end + 16);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || readU32(bytes, at) !== 0x02014b50) return null;
    const nameLength = readU16(bytes, at + 28);
    const extraLength = readU16(bytes, at + 30);
    const commentLength = readU16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** OpenDocument: the first entry is `mimetype`, stored uncompressed, holding the type. */
function odfMediaType(bytes: Uint8Array): string | null {
  if (bytes.length < 30) return null;
  const method = readU16(bytes, 8);
  const size = readU32(bytes, 18);
  const nameLength = readU16(bytes, 26);
  const extraLength = readU16(bytes, 28);
  const name = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength));
  if (name !== 'mimetype' || method !== 0 || size > 100) return null;
  const start = 30 + nameLength + extraLength;
  return new TextDecoder().decode(bytes.subarray(start, start + size));
}

function detectZipDocument(bytes: Uint8Array): DetectedType | null {
  const odf = odfMediaType(bytes);
  if (odf) return [types.odt, types.ods, types.odp].find((t) => t.mediaType === odf) ?? null;
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) return types.docx;
  if (names.includes('xl/workbook.xml')) return types.xlsx;
  if (names.includes('ppt/presentation.xml')) return types.pptx;
  return null;
}

/** The name a download carries: the given one, with the right extension added if it lacks one. */
export function downloadName(fileName: string, type: DetectedType): string {
  const ext = extensionOf(fileName);
  if ((type.extensions as readonly string[]).includes(ext)) return fileName;
  return `${fileName}.${type.extensions[0]}`;
}
