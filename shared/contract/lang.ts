import { z } from 'zod';

/** The UI languages (the same list as shared/i18n's LANGS). */
export const LangSchema = z.enum(['zh-CN', 'en']);
