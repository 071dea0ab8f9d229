import { z } from 'zod';

/** A chain head someone copied outside the database: the position and hash a verification printed. */
export const chainAnchor = z.object({
  position: z.coerce.number({ error: 'verwacht een positie (geheel getal vanaf 1)' }).int().min(1, 'verwacht een positie vanaf 1'),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'verwacht de hash van de kop: 64 hexadecimale tekens'),
});

/**
 * An anchor file: the JSON `{"position": …, "hash": …}` that `regie verify` prints after "Anker:",
 * alone or with text around it (a copied line, a note), so the printed line can be kept as it is.
 */
export function parseAnchorFile(text: string): z.infer<typeof chainAnchor> {
  const json = text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('het ankerbestand bevat geen {"position": …, "hash": …}');
  }
  const parsed = chainAnchor.safeParse(value);
  if (!parsed.success) throw new Error(`ongeldig anker: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
