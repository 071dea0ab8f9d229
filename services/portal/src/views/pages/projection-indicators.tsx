import type { Indicator, Projection } from '../../api/regie-api.models';
import type { PortalContext } from '../../session/session';
import { DataList, Disclosure, H2, H3, P, Table } from '../components';
import { formatMonth } from '../format';
import { Form, TextField } from '../form';
import { type FormErrors, FormState } from '../form-state';

/** Each indicator: the chart against its targets, and the same figures as text (the chart's text alternative). */
export function IndicatorSection({
  p,
  projection,
  indicators,
  errors,
  frozen,
}: {
  p: PortalContext;
  projection: Projection;
  indicators: Indicator[];
  errors?: FormErrors;
  frozen: boolean;
}) {
  return (
    <section aria-labelledby="indicatoren">
      <H2 id="indicatoren">Indicatoren</H2>
      {projection.indicators.map((pi) => {
        const live = indicators.find((i) => i.id === pi.id);
        const f = new FormState(`meting-${pi.id}`, errors);
        return (
          <article key={pi.id} aria-labelledby={`indicator-${pi.id}`}>
            <H3 id={`indicator-${pi.id}`}>{pi.title}</H3>
            <figure class="regie-figure-chart">
              <img
                class="regie-chart"
                src={`/voortgangsrapportage/indicatoren/${encodeURIComponent(pi.id)}/grafiek.svg${p.asOf ? `?peildatum=${encodeURIComponent(p.asOf.input)}` : ''}`}
                alt={`Grafiek van ${pi.title} (${pi.unit}) met basislijn en doelen; de cijfers staan hieronder.`}
                width={720}
                height={360}
              />
              <figcaption class="nl-paragraph">
                {frozen
                  ? 'Grafiek met de actuele metingen; de cijfers hieronder zijn die van de gepubliceerde versie.'
                  : 'Metingen tegen de basislijn en de doelen.'}
              </figcaption>
            </figure>
            <DataList
              items={[
                ['Beoordeling', pi.assessment],
                ['Toelichting', pi.why],
                ['Basislijn', pi.baseline ? `${pi.baseline.value} (${pi.baseline.reference}): ${pi.baseline.text}` : 'geen'],
                ...pi.targets.map((t, n): [string, string] => [
                  `Doel ${n + 1}`,
                  `${t.value}${t.by ? ` uiterlijk ${formatMonth(t.by)}` : ' (langere termijn)'}: ${t.text}`,
                ]),
                ['Trend', pi.trend ? `${pi.trend.direction}, ${pi.trend.slopePerMonth} per maand` : 'onvoldoende gegevens'],
                [
                  'Prognose',
                  pi.forecast
                    ? `${formatMonth(pi.forecast.period)}: ${pi.forecast.value} (band ${pi.forecast.low} – ${pi.forecast.high})`
                    : 'onvoldoende gegevens',
                ],
              ]}
            />
            <Table
              caption={`Metingen van ${pi.title}`}
              rows={live?.measurements ?? []}
              rowKey={(m) => m.period}
              empty="Er zijn nog geen metingen vastgelegd."
              columns={[
                { header: 'Maand', cell: (m) => formatMonth(m.period) },
                { header: pi.unit, numeric: true, cell: (m) => m.value },
                { header: 'Bron', cell: (m) => m.source ?? '—' },
              ]}
            />
            {!frozen && !p.asOf && p.rights.coordinate && (
              <Disclosure summary="Meting vastleggen" open={f.active}>
                <Form
                  f={f}
                  action={`/voortgangsrapportage/indicatoren/${encodeURIComponent(pi.id)}/metingen?kwartaal=${projection.quarter}`}
                  title={`Meting vastleggen: ${pi.title}`}
                  submit="Meting vastleggen"
                  fields={['period', 'value', 'source']}
                >
                  <TextField f={f} name="period" label="Maand" description="Bijvoorbeeld 2026-10" required />
                  <TextField f={f} name="value" label={`Waarde (${pi.unit})`} type="number" min="0" required />
                  <TextField f={f} name="source" label="Bron (optioneel)" />
                </Form>
              </Disclosure>
            )}
          </article>
        );
      })}
      {projection.indicators.length === 0 && <P>Er zijn geen indicatoren.</P>}
    </section>
  );
}
