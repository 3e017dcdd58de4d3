import { platform } from './platform';
import { serviceDesk } from './service-desk';

/** Chinese is the product's first language; every key here must exist in en-US (the type enforces it). */
export const zhCN = { ...platform, ...serviceDesk };

export type Messages = typeof zhCN;
