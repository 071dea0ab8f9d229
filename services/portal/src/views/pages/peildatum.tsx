import type { PortalContext } from '../../session/session';

/** `?peildatum=…` to keep on links while looking at the past. */
export const asOfQuery = (p: PortalContext): string => (p.asOf ? `?peildatum=${encodeURIComponent(p.asOf.input)}` : '');

/**
 * "Bekijk de situatie op …": a GET form that reloads the screen as it was at that moment (the
 * API's `asOf`). A date alone means the end of that day.
 */
export function PeildatumForm({ p, action, hidden = {} }: { p: PortalContext; action: string; hidden?: Record<string, string> }) {
  const id = `peildatum-${action.replace(/\W+/g, '-')}`;
  return (
    <form method="get" action={action} class="regie-inline-form" aria-label="Peildatum">
      <div class="utrecht-form-field utrecht-form-field--text">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for={id}>
            Situatie op (peildatum)
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            type="datetime-local"
            id={id}
            name="peildatum"
            value={p.asOf?.input.length === 10 ? `${p.asOf.input}T23:59` : p.asOf?.input}
          />
        </div>
      </div>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Bekijken
      </button>
    </form>
  );
}
