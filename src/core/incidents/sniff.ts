// Content type from the first bytes of a file, never from the client's
// claim: a few magic numbers cover what evidence usually is (photos, video,
// audio, PDF, office files); valid UTF-8 without NULs is text.

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (b: Uint8Array, s: string, at = 0) => starts(b, [...s].map((c) => c.charCodeAt(0)), at);

export function sniffContentType(head: Uint8Array): string {
  if (starts(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(head, "GIF87a") || ascii(head, "GIF89a")) return "image/gif";
  if (ascii(head, "RIFF") && ascii(head, "WEBP", 8)) return "image/webp";
  if (ascii(head, "RIFF") && ascii(head, "WAVE", 8)) return "audio/wav";
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return "image/tiff";
  if (ascii(head, "%PDF-")) return "application/pdf";
  if (ascii(head, "ftyp", 4)) {
    if (ascii(head, "qt  ", 8)) return "video/quicktime";
    if (ascii(head, "heic", 8) || ascii(head, "heix", 8) || ascii(head, "mif1", 8)) return "image/heic";
    if (ascii(head, "M4A ", 8)) return "audio/mp4";
    return "video/mp4";
  }
  if (starts(head, [0x1a, 0x45, 0xdf, 0xa3])) return "video/webm";
  if (ascii(head, "OggS")) return "audio/ogg";
  if (ascii(head, "ID3") || starts(head, [0xff, 0xfb]) || starts(head, [0xff, 0xf3])) return "audio/mpeg";
  if (starts(head, [0x50, 0x4b, 0x03, 0x04])) return "application/zip";
  if (starts(head, [0x1f, 0x8b])) return "application/gzip";
  if (isText(head)) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

function isText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  if (b.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the sniffed head is not a reason to call it binary.
    new TextDecoder("utf-8", { fatal: true }).decode(b.length > 8 ? b.subarray(0, b.length - 4) : b);
    return true;
  } catch {
    return false;
  }
}
