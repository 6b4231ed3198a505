import { isAllowedOrigin, isForeignWrite } from './request-origin.js';

describe('isForeignWrite', () => {
  const allowed = ['https://concerto.example', 'http://localhost:3000'];
  const write = (headers: { origin?: string; fetchSite?: string }, method = 'POST') =>
    isForeignWrite({ method, origin: headers.origin, fetchSite: headers.fetchSite }, allowed);

  it('refuses writes from another origin, an opaque one, or a page that says it is cross-site or same-site', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) expect(write({ origin: 'https://evil.example' }, method)).toBe(true);
    expect(write({ origin: 'null' })).toBe(true);
    expect(write({ origin: 'https://concerto.example.evil.example' })).toBe(true);
    expect(write({ fetchSite: 'cross-site' })).toBe(true);
    expect(write({ fetchSite: 'same-site' })).toBe(true);
  });

  it('lets the Origin header decide when both are present', () => {
    expect(write({ origin: 'https://concerto.example', fetchSite: 'cross-site' })).toBe(false);
    expect(write({ origin: 'https://evil.example', fetchSite: 'same-origin' })).toBe(true);
  });

  it('allows allowed origins, same-origin and user-initiated requests, non-browser clients and reads', () => {
    expect(write({ origin: 'https://concerto.example' })).toBe(false);
    expect(write({ origin: 'http://localhost:3000/' })).toBe(false);
    expect(write({ fetchSite: 'same-origin' })).toBe(false);
    expect(write({ fetchSite: 'none' })).toBe(false);
    expect(write({})).toBe(false);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(write({ origin: 'https://evil.example' }, method)).toBe(false);
  });

  it('compares origins exactly', () => {
    expect(isAllowedOrigin('https://concerto.example', allowed)).toBe(true);
    expect(isAllowedOrigin('http://concerto.example', allowed)).toBe(false);
    expect(isAllowedOrigin('http://localhost:3001', allowed)).toBe(false);
  });
});
