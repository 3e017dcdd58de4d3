import { describe, expect, it } from 'vitest';
import { invertMatrix } from './matrix';

describe('invertMatrix', () => {
  it('inverts a 2×2 matrix: [[4, 7], [2, 6]]⁻¹ = [[0.6, −0.7], [−0.2, 0.4]]', () => {
    const inverse = invertMatrix([
      [4, 7],
      [2, 6],
    ]);
    expect(inverse?.[0]?.[0]).toBeCloseTo(0.6, 14);
    expect(inverse?.[0]?.[1]).toBeCloseTo(-0.7, 14);
    expect(inverse?.[1]?.[0]).toBeCloseTo(-0.2, 14);
    expect(inverse?.[1]?.[1]).toBeCloseTo(0.4, 14);
  });
  it('needs a row swap when the first pivot is zero', () => {
    const matrix = [
      [0, 1, 2],
      [1, 0, 3],
      [4, -3, 8],
    ];
    const inverse = invertMatrix(matrix);
    expect(inverse).not.toBeNull();
    // A·A⁻¹ = I
    for (let row = 0; row < 3; row += 1) {
      for (let column = 0; column < 3; column += 1) {
        const product = [0, 1, 2].reduce((total, k) => total + (matrix[row]?.[k] ?? 0) * (inverse?.[k]?.[column] ?? 0), 0);
        expect(product).toBeCloseTo(row === column ? 1 : 0, 12);
      }
    }
  });
  it('returns null for singular and empty matrices', () => {
    expect(
      invertMatrix([
        [1, 2],
        [2, 4],
      ]),
    ).toBeNull();
    expect(invertMatrix([])).toBeNull();
    expect(invertMatrix([[0]])).toBeNull();
  });
  it('rejects a matrix that is not square', () => {
    expect(() => invertMatrix([[1, 2]])).toThrow(RangeError);
  });
});
