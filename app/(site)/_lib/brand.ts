import 'server-only';
import sharp from 'sharp';

/*
 * The site's own pictures for social cards, feed readers and the publisher logo search engines
 * ask for: an ink drop (مِداد is ink) drawn as vector shapes, so no font or uploaded file is
 * needed. Shapes only — SVG text would depend on fonts installed on the server.
 */

const PAPER = '#fdfcf9';
const INK = '#1b1b1f';
const ACCENT = '#9b2c2c';
const RULE = '#e4e1da';

function drop(cx: number, top: number, height: number): string {
  const r = height * 0.36;
  const cy = top + height - r;
  return `M${cx} ${top} C${cx} ${top} ${cx - r} ${cy - r * 0.9} ${cx - r} ${cy} A${r} ${r} 0 0 0 ${cx + r} ${cy} C${cx + r} ${cy - r * 0.9} ${cx} ${top} ${cx} ${top} Z`;
}

export function logoSvg(size: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="96" fill="${ACCENT}"/>
  <path d="${drop(256, 86, 340)}" fill="${PAPER}"/>
  <circle cx="214" cy="330" r="26" fill="${ACCENT}" opacity="0.35"/>
</svg>`;
}

export function cardSvg(width: number, height: number): string {
  // Column lines on the left of a right-to-left page: the text block sits at the start (right).
  const lines = [0, 1, 2, 3, 4]
    .map((i) => `<rect x="${140}" y="${190 + i * 56}" width="${i === 4 ? 380 : 560}" height="18" rx="9" fill="${RULE}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="${PAPER}"/>
  <rect x="1164" width="36" height="630" fill="${ACCENT}"/>
  <rect x="140" y="110" width="700" height="6" fill="${INK}"/>
  ${lines}
  <path d="${drop(960, 150, 330)}" fill="${ACCENT}"/>
  <rect x="140" y="520" width="860" height="2" fill="${INK}" opacity="0.4"/>
</svg>`;
}

export async function pngResponse(svg: string): Promise<Response> {
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  });
}
