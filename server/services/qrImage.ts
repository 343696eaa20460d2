import QRCode from 'qrcode';

/** `text` as a QR code: an SVG image in a data: URL, which the pages' CSP allows (no inline script, no request). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
