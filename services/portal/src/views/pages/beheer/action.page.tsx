import type { Person, WerkagendaEntry } from '../../../api/beheer-api';
import type { Action } from '../../../api/regie-api.models';
import type { PortalContext } from '../../../session/session';
import { DataList, H1, P } from '../../components';
import { Form, TextArea, TextField } from '../../form';
import { type FormErrors, FormState } from '../../form-state';
import { BeheerLayout, CheckboxGroup } from './beheer-layout';
import { listText, personName } from './beheer-words';
import { activePeople } from './werkagenda.page';

/** Beheer of one action: title, lead parties, actiehouders and start activities, changed with a reason. */
export function BeheerActionPage({
  p,
  action,
  werkagenda,
  people,
  errors,
}: {
  p: PortalContext;
  action: Action;
  werkagenda: WerkagendaEntry;
  people: Person[];
  errors?: FormErrors;
}) {
  const f = new FormState('actie-wijzigen', errors);
  const werkagendaHref = `/beheer/werkagendas/${encodeURIComponent(werkagenda.id)}`;
  // A forgotten or unknown actiehouder stays chosen until someone unticks it.
  const chosen = activePeople(people);
  for (const id of action.actiehouderPersonIds) if (!chosen.some(([value]) => value === id)) chosen.push([id, personName(people, id)]);
  return (
    <BeheerLayout
      p={p}
      title={`Beheer: actie ${action.code}`}
      part="werkagendas"
      crumbs={[
        ['Werkagenda’s', '/beheer'],
        [werkagenda.title, werkagendaHref],
      ]}
      errors={errors}
    >
      <p class="utrecht-pre-heading regie-pre-heading">
        Actie {action.code} van {werkagenda.title}
      </p>
      <H1>{action.title}</H1>
      <DataList
        items={[
          ['Actielijn', werkagenda.actionLines.find((l) => l.number === action.actionLine)?.title ?? String(action.actionLine)],
          ['Trekkers', listText(action.actionHolder.parties) || '—'],
          ['Actiehouders', listText(action.actiehouderPersonIds.map((id) => personName(people, id))) || '—'],
        ]}
      />
      <P>De actiecode en de actielijn liggen vast. Elke wijziging wordt met uw naam en de reden bewaard.</P>
      <Form
        f={f}
        action={`/beheer/acties/${encodeURIComponent(action.key)}`}
        title="Actie wijzigen"
        submit="Wijziging opslaan"
        fields={['title', 'leadParties', 'actiehouderPersonIds', 'startActivities', 'reason']}
      >
        <TextField f={f} name="title" label="Titel" value={action.title} required />
        <CheckboxGroup
          f={f}
          name="leadParties"
          legend="Trekkers (partijen)"
          options={werkagenda.parties.map((party) => [party.code, party.name])}
          checked={action.actionHolder.parties}
        />
        <CheckboxGroup
          f={f}
          name="actiehouderPersonIds"
          legend="Actiehouders (uit het personenregister)"
          options={chosen}
          checked={action.actiehouderPersonIds}
        />
        <TextArea
          f={f}
          name="startActivities"
          label="Startactiviteiten"
          description="Eén activiteit per regel."
          rows={4}
          value={action.startActivities.join('\n')}
        />
        <TextArea f={f} name="reason" label="Reden van de wijziging" rows={2} required />
      </Form>
    </BeheerLayout>
  );
}
