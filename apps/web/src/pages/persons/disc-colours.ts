import type { DiscStyle } from '@manyi/core';

/** One colour per DISC type, the same on every screen so stewards learn to read them at a glance. */
export const discColours: Record<DiscStyle, string> = { peacock: 'magenta', owl: 'geekblue', tiger: 'volcano', panda: 'green' };
