#!/usr/bin/env node
// Draws the add-in's ribbon and store icons (16, 32, 64, 80 px PNG) into addin/assets/.
// No image library: shapes are defined in unit coordinates, rendered with 4x4 supersampling
// and written as RGBA PNG with node:zlib. Run again after changing the drawing:
//   node scripts/make-addin-icons.js
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const SIZES = [16, 32, 64, 80];
const OUT = path.join(__dirname, "..", "addin", "assets");

// Excel green tile, a white sheet with three table rows, and a column of traffic lights.
const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];
const LINE = [200, 214, 206];
const LIGHTS = [[16, 124, 16], [255, 185, 0], [209, 52, 56]];

function insideRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Colour at a point in the unit square, or undefined for transparent. */
function colourAt(x, y) {
  let colour;
  if (insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.16)) colour = GREEN;
  if (insideRoundedRect(x, y, 0.16, 0.2, 0.84, 0.8, 0.05)) colour = WHITE;
  for (const rowY of [0.4, 0.6]) {
    if (x >= 0.16 && x <= 0.84 && Math.abs(y - rowY) <= 0.025) colour = LINE;
  }
  LIGHTS.forEach((light, i) => {
    const cy = 0.3 + i * 0.2;
    if ((x - 0.7) ** 2 + (y - cy) ** 2 <= 0.07 ** 2) colour = light;
  });
  if (x >= 0.24 && x <= 0.54) {
    for (const rowY of [0.3, 0.5, 0.7]) if (Math.abs(y - rowY) <= 0.03) colour = [96, 96, 96];
  }
  return colour;
}

function render(size) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, render(size)));
  console.log(`${path.relative(process.cwd(), file)} (${size}x${size})`);
}
