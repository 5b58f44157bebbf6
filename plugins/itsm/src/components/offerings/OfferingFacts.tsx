import { ServiceOfferingEntity } from '@backstage-itsm/plugin-itsm-common';
import { DetailField as Field, RefLink, RefList } from '../shared';
import { formatDuration, specRef } from './offering';

/** Who approves a request for the offering, in words and links. */
const Approval = (props: { entity: ServiceOfferingEntity }) => {
  const { entity } = props;
  const { approval } = entity.spec;
  if (approval === 'none') return <>None needed</>;
  if (approval === 'owner') return <>The owner group</>;
  const groups = approval
    .map(group => specRef(entity, group, 'group'))
    .filter((ref): ref is string => !!ref);
  return <RefList refs={groups} separator=", then " />;
};

/**
 * What to know before ordering: who owns and fulfils the offering, what provides it, how
 * long it takes, who approves and who may order.
 */
export const OfferingFacts = (props: { entity: ServiceOfferingEntity }) => {
  const { entity } = props;
  const { spec } = entity;
  const availableFor = (spec.availableFor ?? [])
    .map(group => specRef(entity, group, 'group'))
    .filter((ref): ref is string => !!ref);
  return (
    <>
      <Field half label="Owner">
        <RefLink entityRef={specRef(entity, spec.owner, 'group')} />
      </Field>
      <Field half label="Provided by">
        <RefLink entityRef={specRef(entity, spec.providedBy, 'component')} />
      </Field>
      <Field half label="Fulfilment target">
        {formatDuration(spec.fulfillmentTarget)}
      </Field>
      <Field half label="Approval">
        <Approval entity={entity} />
      </Field>
      {availableFor.length > 0 && (
        <Field half label="Available for">
          <RefList refs={availableFor} />
        </Field>
      )}
    </>
  );
};
