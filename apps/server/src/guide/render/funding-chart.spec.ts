import { createRequire } from 'node:module';
import { forgetRenderedCharts, fundingChartPng, fundingChartSvg } from './funding-chart.js';
import { HOSTILE } from './guide-view-fixture.js';

const bars = [
  { label: 'Communes', value: 123_456_700, text: '1\u202f234\u202f567\u00a0€' },
  { label: `EPCI ${Object.values(HOSTILE).join(' ')}`, value: 0, text: '0\u00a0€' },
];

describe('funding chart', () => {
  it('escapes every label and title in the SVG, and carries no script or external resource', () => {
    const svg = fundingChartSvg(bars, `Montants ${HOSTILE.script}`, 'id"><script>');
    expect(svg).not.toMatch(/<script|<img|<[^>]*\son[a-z]+=|href=/i);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e]|[\ud800-\udbff](?![\udc00-\udfff])/.test(svg)).toBe(false);
    // Roboto has no narrow no-break space: the chart uses the no-break space.
    expect(svg).toContain('1\u00a0234\u00a0567\u00a0€');
  });

  it('renders an RGB PNG at 1.5 times the SVG’s size with the bundled fonts only: white background, the bars in their colour', async () => {
    forgetRenderedCharts();
    const { png, width, height } = await fundingChartPng(bars, 'Montants mobilisés');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([width * 1.5, Math.round(height * 1.5), 8, 2]);
    // Decoded by pdfkit's own PNG reader (what the PDF embeds it with).
    const PNG = createRequire(import.meta.url)('png-js') as new (data: Buffer) => { width: number; decode(fn: (pixels: Buffer) => void): void };
    const image = new PNG(png);
    const pixels = await new Promise<Buffer>((resolve) => image.decode(resolve));
    const at = (x: number, y: number) => [...pixels.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];
    expect(at(2, 2)).toEqual([255, 255, 255]);
    expect(at(Math.round(300 * 1.5), Math.round((48 + 10) * 1.5))).toEqual([0x2f, 0x5f, 0x8a]); // inside the first bar
    // The same chart again is not drawn twice.
    expect((await fundingChartPng(bars, 'Montants mobilisés')).png).toBe(png);
  });
});
