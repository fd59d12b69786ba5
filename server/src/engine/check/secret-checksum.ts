// Token formats that carry their own checksum: GitHub's and npm's tokens end in a base62 CRC32 of
// their random part (github.blog, "Behind GitHub's new authentication token formats", 2021; npm's
// "new access token format", 2021). A value with such a prefix and a wrong tail is a made-up or mangled
// token, not a credential, whichever rule matched it.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** prefix + 30 random base62 characters + 6-character checksum. */
const CHECKSUMMED = /^(?:ghp|gho|npm)_([A-Za-z0-9]{30})([A-Za-z0-9]{6})$/;

let table: Uint32Array | undefined;

function crc32(text: string): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = table[(crc ^ text.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The 6-character base62 checksum of a token's random part (left-padded with `0`). */
export function base62Crc32(random: string): string {
  let n = crc32(random);
  let out = '';
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, '0');
}

/** False when the value has a checksummed format and its checksum is wrong; true otherwise. */
export function checksumHolds(value: string): boolean {
  const m = CHECKSUMMED.exec(value);
  return !m || base62Crc32(m[1]) === m[2];
}
