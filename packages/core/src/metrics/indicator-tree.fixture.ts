import type { IndicatorNode } from './indicator-weights';

/** Test data only: a two-dimension tree whose weights sum to 100 at every level (service 60 / environment 40). */
export const sampleIndicatorTree: IndicatorNode[] = [
  {
    id: 'service',
    weight: 60,
    children: [
      { id: 'attitude', weight: 50 },
      {
        id: 'speed',
        weight: 50,
        children: [
          { id: 'response', weight: 70 },
          { id: 'repair', weight: 30 },
        ],
      },
    ],
  },
  { id: 'environment', weight: 40, children: [{ id: 'cleaning', weight: 100 }] },
];
