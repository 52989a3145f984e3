import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, toCsv } from './csv.js';

/** A minimal RFC 4180 parser to check the round trip. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (q) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('csv', () => {
  it('round-trips any text that is not a formula', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.string().filter((s) => !/^[=+\-@\t\r]/.test(s)),
            { minLength: 1, maxLength: 4 },
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (rows) => {
          const width = rows[0].length;
          const rect = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          expect(parse(toCsv(rect[0], rect.slice(1)))).toEqual(rect);
        },
      ),
    );
  });
  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(null)).toBe('');
  });
});

describe('csv headers carry units', () => {
  it('names wei and ppm columns by their unit', () => {
    expect(csvHeader({ key: 'rewards', type: 'open' })).toBe('rewards_wei');
    expect(csvHeader({ key: 'influence', type: 'influence' })).toBe('influence_ppm');
    expect(csvHeader({ key: 'weight', type: 'ppm' })).toBe('weight_ppm');
    expect(csvHeader({ key: 'name', type: 'text' })).toBe('name');
  });
});
