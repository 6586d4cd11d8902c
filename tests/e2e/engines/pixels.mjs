// Reading colours off a screenshot: a PNG decoder for what browsers write (8-bit RGB or RGBA, not
// interlaced), and WCAG's contrast ratio. The contrast of a control's ring is measured from what
// the engine drew, since computed styles cannot see how a native control or a pseudo-element is
// painted.
import { inflateSync } from 'node:zlib';

/** Decodes a PNG into {width, height, pixel(x, y) → [r, g, b]}. */
export function decodePng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width;
  let height;
  let colourType;
  let bitDepth;
  let interlace;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const chunk = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = chunk.readUInt32BE(0);
      height = chunk.readUInt32BE(4);
      bitDepth = chunk[8];
      colourType = chunk[9];
      interlace = chunk[12];
    } else if (type === 'IDAT') {
      data.push(chunk);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colourType];
  if (bitDepth !== 8 || !channels || interlace !== 0) throw new Error(`unsupported PNG: depth ${bitDepth}, colour type ${colourType}, interlace ${interlace}`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      let value = line[x];
      if (filter === 1) value += left;
      else if (filter === 2) value += up;
      else if (filter === 3) value += (left + up) >> 1;
      else if (filter === 4) {
        const estimate = left + up - upLeft;
        const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
        value += toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft;
      }
      pixels[y * stride + x] = value & 0xff;
    }
  }
  return {
    width,
    height,
    pixel(x, y) {
      const at = Math.round(y) * stride + Math.round(x) * channels;
      return [pixels[at], pixels[at + 1], pixels[at + 2]];
    },
  };
}

function relativeLuminance([r, g, b]) {
  const linear = (channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.2's contrast ratio between two sRGB colours, from 1 to 21. */
export function contrastRatio(first, second) {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

export const hex = ([r, g, b]) => `#${[r, g, b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;

/**
 * The ring of a round or square control whose box is `box` (CSS px in the viewport; `scale` device
 * pixels per CSS px), measured along the horizontal line through its centre, from outside its left
 * edge inwards: the background is the pixel `outside` px left of the box, the ring is the pixel of
 * the first third of the box that contrasts most with it. Returns both colours and the ratio.
 */
export function measureRing(image, box, { scale = 1, outside = 3 } = {}) {
  const y = (box.y + box.height / 2) * scale;
  const background = image.pixel((box.x - outside) * scale, y);
  let ring = background;
  let best = 1;
  for (let x = box.x * scale; x < (box.x + box.width / 3) * scale; x += 1) {
    const colour = image.pixel(x, y);
    const ratio = contrastRatio(colour, background);
    if (ratio > best) [ring, best] = [colour, ratio];
  }
  return { ring: hex(ring), background: hex(background), ratio: Math.round(best * 100) / 100 };
}
