/**
 * The preview / export strings (messages/{zh-cn,en}/publish.ts), zh-CN first. Kept out of the
 * checking catalogue so that dist/server.js and dist/client.js do not carry them.
 */
import { format } from '../messages/index';
import { PUBLISH as EN } from '../messages/en/publish';
import { PUBLISH as ZH } from '../messages/zh-cn/publish';

export type PublishKey = keyof typeof ZH;

export function publishText(locale: 'zh-cn' | 'en', key: PublishKey, args?: Record<string, string | number>): string {
  return format((locale === 'en' ? EN : ZH)[key] ?? ZH[key], args);
}
