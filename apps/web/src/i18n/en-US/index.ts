import type { Messages } from '../zh-CN';
import { platform } from './platform';
import { serviceDesk } from './service-desk';

export const enUS: Messages = { ...platform, ...serviceDesk };
