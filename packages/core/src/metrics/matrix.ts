/**
 * The one piece of linear algebra the regression needs: the inverse of the small symmetric
 * matrix XᵀX (one row and column per driver plus the intercept, so rarely more than ten).
 * Gauss–Jordan elimination with partial pivoting is exact enough at that size and keeps the
 * package free of a matrix library.
 */
export type Matrix = number[][];

/**
 * Inverse of a square matrix, or null when it is singular to working precision (a pivot smaller
 * than 1e-12 times the largest entry), which for XᵀX means the drivers are collinear.
 */
export function invertMatrix(matrix: readonly (readonly number[])[]): Matrix | null {
  const size = matrix.length;
  const scale = Math.max(...matrix.flatMap((row) => row.map(Math.abs)), 0);
  if (size === 0 || scale === 0) return null;
  // Augment [A | I] and reduce the left half to I.
  const work: Matrix = matrix.map((row, rowIndex) => {
    if (row.length !== size) throw new RangeError('matrix must be square');
    return [...row, ...Array.from({ length: size }, (_, column) => (column === rowIndex ? 1 : 0))];
  });
  const at = (row: number, column: number) => work[row]?.[column] ?? 0;
  for (let column = 0; column < size; column += 1) {
    let pivotRow = column;
    for (let row = column + 1; row < size; row += 1) {
      if (Math.abs(at(row, column)) > Math.abs(at(pivotRow, column))) pivotRow = row;
    }
    if (Math.abs(at(pivotRow, column)) < 1e-12 * scale) return null;
    const pivot = work[pivotRow] as number[];
    work[pivotRow] = work[column] as number[];
    work[column] = pivot;
    const pivotValue = pivot[column] as number;
    for (let index = 0; index < 2 * size; index += 1) pivot[index] = (pivot[index] as number) / pivotValue;
    for (let row = 0; row < size; row += 1) {
      if (row === column) continue;
      const target = work[row] as number[];
      const factor = target[column] as number;
      if (factor === 0) continue;
      for (let index = 0; index < 2 * size; index += 1) target[index] = (target[index] as number) - factor * (pivot[index] as number);
    }
  }
  return work.map((row) => row.slice(size));
}
