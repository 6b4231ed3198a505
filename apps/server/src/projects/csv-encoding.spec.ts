import iconv from 'iconv-lite';
import { decodeCsvBytes } from './csv-encoding.js';

describe('CSV file encodings', () => {
  const text = 'Année;Montant (€);Niveau financeur\r\nCafé l’Atelier;1 500,50;Région\r\n';

  it('reads valid UTF-8 as UTF-8, with or without a BOM', () => {
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsvBytes(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads what French Excel writes (Windows-1252), euro sign and curly apostrophe included', () => {
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0x80)).toBe(true);
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'windows-1252' });
  });
});
