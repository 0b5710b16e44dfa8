import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png';

/**
 * Draws crampbot's Teams icons (a speech bubble with a cramp's zig-zag, as on the Web Chat avatar):
 * `color.png`, 192×192 full colour, and `outline.png`, 32×32 white on transparent (Teams' rules).
 * Run: `npx tsc -p scripts && node dist/scripts/generateTeamsIcons.js`; the PNGs are committed.
 */

type Rgba = [number, number, number, number];
const BRAND: Rgba = [0x0b, 0x5c, 0xad, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

// Shapes in a unit square (0..1), y downwards.
const BUBBLE = { left: 0.16, top: 0.22, right: 0.84, bottom: 0.69, radius: 0.09 };
const TAIL: Array<[number, number]> = [
  [0.3, 0.66],
  [0.3, 0.84],
  [0.47, 0.66],
];
const ZIGZAG: Array<[number, number]> = [
  [0.26, 0.47],
  [0.37, 0.47],
  [0.43, 0.34],
  [0.52, 0.6],
  [0.59, 0.42],
  [0.64, 0.49],
  [0.74, 0.49],
];

/** Signed distance to the rounded rectangle: negative inside. */
function roundedRectDistance(x: number, y: number): number {
  const { left, top, right, bottom, radius } = BUBBLE;
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function insideTriangle(x: number, y: number): boolean {
  const [[x1, y1], [x2, y2], [x3, y3]] = TAIL;
  const d1 = (x - x2) * (y1 - y2) - (x1 - x2) * (y - y2);
  const d2 = (x - x3) * (y2 - y3) - (x2 - x3) * (y - y3);
  const d3 = (x - x1) * (y3 - y1) - (x3 - x1) * (y - y1);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function distanceToPolyline(x: number, y: number): number {
  let best = Infinity;
  for (let i = 1; i < ZIGZAG.length; i += 1) {
    const [ax, ay] = ZIGZAG[i - 1];
    const [bx, by] = ZIGZAG[i];
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    best = Math.min(best, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
  }
  return best;
}

/** Renders `shade(x, y)` at `size`×`size`, 4×4 samples per pixel for smooth edges. */
function render(size: number, shade: (x: number, y: number) => Rgba): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [r, g, b, a] = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = sum[3] / samples ** 2;
      pixels[i + 3] = Math.round(alpha);
      for (let c = 0; c < 3; c += 1) pixels[i + c] = alpha > 0 ? Math.round(sum[c] / sum[3]) : 0;
    }
  }
  return { width: size, height: size, pixels };
}

export function colorIcon(): RgbaImage {
  return render(192, (x, y) => {
    if (distanceToPolyline(x, y) < 0.03) return BRAND;
    if (roundedRectDistance(x, y) < 0 || insideTriangle(x, y)) return WHITE;
    return BRAND;
  });
}

export function outlineIcon(): RgbaImage {
  const stroke = 1.6 / 32;
  return render(32, (x, y) => {
    if (distanceToPolyline(x, y) < stroke / 2) return WHITE;
    const edge = Math.abs(roundedRectDistance(x, y));
    const inTail = insideTriangle(x, y) && roundedRectDistance(x, y) > 0;
    if (edge < stroke / 2 || inTail) return WHITE;
    return CLEAR;
  });
}

if (require.main === module) {
  const dir = join(__dirname, '..', '..', 'deploy', 'teams');
  writeFileSync(join(dir, 'color.png'), encodePng(colorIcon()));
  writeFileSync(join(dir, 'outline.png'), encodePng(outlineIcon()));
  console.log(`wrote ${join(dir, 'color.png')} and outline.png`);
}
