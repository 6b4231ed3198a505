import type { SampleCell } from '@concerto/domain';
import type { Candidate } from './sample-coverage.repository.js';
import { chooseSuggestions } from './sample-suggestions.js';

const cell = (field: SampleCell['field'], value: string): SampleCell => ({ field, value });
const candidate = (name: string, fills: SampleCell[]): Candidate => ({ pole: { id: name, name, territory: '' }, fills });

const rural = cell('implantation', 'rural');
const urban = cell('implantation', 'urban');
const culture = cell('sectors', 'culture');
const industry = cell('sectors', 'industry');

describe('chooseSuggestions', () => {
  it('takes the pole filling the most open gaps each time, listing only the gaps it adds', () => {
    const chosen = chooseSuggestions(
      [candidate('Alpha', [rural, culture]), candidate('Bêta', [rural, urban, culture]), candidate('Gamma', [culture, industry])],
      [rural, urban, culture, industry],
    );
    expect(chosen.map((c) => [c.pole.name, c.fills])).toEqual([
      ['Bêta', [rural, urban, culture]],
      ['Gamma', [industry]],
    ]);
  });

  it('breaks ties in French order and stops when no gap is left or at the count', () => {
    const tie = chooseSuggestions([candidate('Zèbre', [rural]), candidate('Écopôle', [rural]), candidate('Ateliers', [urban])], [rural, urban]);
    expect(tie.map((c) => c.pole.name)).toEqual(['Ateliers', 'Écopôle']);
    expect(chooseSuggestions([candidate('Alpha', [rural]), candidate('Bêta', [urban])], [rural, urban], 1)).toHaveLength(1);
    expect(chooseSuggestions([candidate('Alpha', [rural])], [])).toEqual([]);
    expect(chooseSuggestions([candidate('Alpha', [rural])], [urban])).toEqual([]);
  });
});
