import { UserError } from '@ae/core/errors';

/** A dense row-major float64 matrix: the engine's one tensor shape on the TypeScript side. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Rows of numbers → Matrix; ragged rows, non-numbers and non-finite values are the caller's error. */
export function matrixFrom(rows: readonly (readonly number[])[], what: string, cols?: number): Matrix {
  if (!Array.isArray(rows)) throw new UserError(`${what} must be an array of rows`);
  const c = cols ?? (rows.length > 0 && Array.isArray(rows[0]) ? rows[0].length : 0);
  const data = new Float64Array(rows.length * c);
  rows.forEach((r, i) => {
    if (!Array.isArray(r) || r.length !== c)
      throw new UserError(`${what}[${i}] must be an array of ${c} numbers (rows are ragged)`);
    for (let j = 0; j < c; j++) {
      const v = r[j];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new UserError(`${what}[${i}][${j}] is not a finite number`);
      data[i * c + j] = v;
    }
  });
  return { rows: rows.length, cols: c, data };
}

/** The transpose, as a new matrix. */
export function transpose(m: Matrix): Matrix {
  const out = new Float64Array(m.data.length);
  for (let i = 0; i < m.rows; i++)
    for (let j = 0; j < m.cols; j++) out[j * m.rows + i] = m.data[i * m.cols + j];
  return { rows: m.cols, cols: m.rows, data: out };
}

/** Rows [from, to) as a view. */
export function sliceRows(m: Matrix, from: number, to: number): Matrix {
  return { rows: to - from, cols: m.cols, data: m.data.subarray(from * m.cols, to * m.cols) };
}

export function row(m: Matrix, i: number): Float64Array {
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}
