/**
 * The one `z` the domain uses: zod with its Simplified Chinese locale switched on, so even
 * a message we did not write ourselves reaches the user in Chinese. (The locale is imported on
 * its own: `z.locales` would pull every language into the preload bundle.)
 *
 * `jitless`: zod otherwise probes whether it may compile parsers with `new Function`, which our
 * Content-Security-Policy forbids (no 'unsafe-eval'): a CSP violation at every start.
 */
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config({ ...zhCN(), jitless: true });

export { z };
