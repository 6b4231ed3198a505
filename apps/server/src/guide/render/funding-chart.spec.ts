import { fundingChartPng, fundingChartSvg } from './funding-chart.js';
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

  it('renders a PNG twice the SVG’s size with the bundled fonts only', async () => {
    const { png, width, height } = await fundingChartPng(bars, 'Montants mobilisés');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(width * 2);
    expect(png.readUInt32BE(20)).toBe(height * 2);
    expect(png.byteLength).toBeGreaterThan(3000); // text and bars drawn, not an empty canvas
  });
});
