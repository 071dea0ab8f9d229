import { BadRequestException, PipeTransform } from '@nestjs/common';
import { z, type ZodType } from 'zod';

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

/** `?asOf=<timestamp>`: read as of that moment (time travel). */
export const asOfParam = zodParam(
  'asOf',
  z.iso.datetime({ offset: true, error: 'verwacht een tijdstip als 2026-01-31T12:00:00Z' }).optional(),
);
