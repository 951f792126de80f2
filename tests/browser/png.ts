/** Minimal PNG decoder for screenshots (8-bit RGB/RGBA, not interlaced): enough to count pixel colours in tests. */
import { inflateSync } from 'node:zlib';

export class PNG {
  constructor(
    readonly width: number,
    readonly height: number,
    readonly data: Uint8Array,
  ) {}

  static decode(buf: Buffer): PNG {
    if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('pas un PNG');
    let pos = 8;
    let width = 0,
      height = 0,
      colorType = 0,
      bitDepth = 0,
      interlace = 0;
    const idat: Buffer[] = [];
    while (pos < buf.length) {
      const len = buf.readUInt32BE(pos);
      const type = buf.toString('ascii', pos + 4, pos + 8);
      const body = buf.subarray(pos + 8, pos + 8 + len);
      if (type === 'IHDR') {
        width = body.readUInt32BE(0);
        height = body.readUInt32BE(4);
        bitDepth = body[8]!;
        colorType = body[9]!;
        interlace = body[12]!;
      } else if (type === 'IDAT') idat.push(body);
      else if (type === 'IEND') break;
      pos += 12 + len;
    }
    if (bitDepth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6))
      throw new Error(`PNG non pris en charge (type ${colorType}, ${bitDepth} bits)`);
    const bpp = colorType === 6 ? 4 : 3;
    const raw = inflateSync(Buffer.concat(idat));
    const stride = width * bpp;
    const out = new Uint8Array(width * height * 4);
    let prev = new Uint8Array(stride);
    for (let y = 0; y < height; y++) {
      const f = raw[y * (stride + 1)]!;
      const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
      const cur = new Uint8Array(stride);
      for (let i = 0; i < stride; i++) {
        const a = i >= bpp ? cur[i - bpp]! : 0;
        const b = prev[i]!;
        const c = i >= bpp ? prev[i - bpp]! : 0;
        let v = line[i]!;
        if (f === 1) v += a;
        else if (f === 2) v += b;
        else if (f === 3) v += (a + b) >> 1;
        else if (f === 4) {
          const p = a + b - c;
          const pa = Math.abs(p - a),
            pb = Math.abs(p - b),
            pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        cur[i] = v & 0xff;
      }
      for (let x = 0; x < width; x++) {
        out[(y * width + x) * 4] = cur[x * bpp]!;
        out[(y * width + x) * 4 + 1] = cur[x * bpp + 1]!;
        out[(y * width + x) * 4 + 2] = cur[x * bpp + 2]!;
        out[(y * width + x) * 4 + 3] = bpp === 4 ? cur[x * bpp + 3]! : 255;
      }
      prev = cur;
    }
    return new PNG(width, height, out);
  }
}
