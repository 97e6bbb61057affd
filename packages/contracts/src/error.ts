import { z } from 'zod';

export const ApiError = z
  .object({
    error: z.object({
      code: z
        .string()
        .meta({ description: 'Stable machine-readable code, e.g. REGION_NOT_FOUND, VALIDATION' }),
      message: z.string().meta({ description: 'Human-readable explanation' }),
      details: z.unknown().optional().meta({ description: 'Structured details, e.g. the failing fields' }),
    }),
  })
  .meta({ id: 'ApiError', description: 'The one error shape every API error uses' });
export type ApiError = z.infer<typeof ApiError>;
