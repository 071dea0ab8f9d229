import { BadRequestException, PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

/** Validates one path or query parameter and names it in the problem+json errors. */
export const zodParam = <T>(field: string, schema: ZodType<T>): PipeTransform<unknown, T> => ({
  transform(value: unknown): T {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    throw new BadRequestException({
      message: `Ongeldige waarde voor ${field}.`,
      errors: result.error.issues.map((issue) => ({ field, message: issue.message })),
    });
  },
});
