import { ReactNode } from 'react';
import { InfoCard } from '@backstage/core-components';

/**
 * An InfoCard that is a region named by its title: InfoCard's title is no heading, and
 * this lets assistive technology (and tests) find "SLA" as one landmark.
 */
export const NamedCard = (props: { title: string; children: ReactNode }) => (
  <section aria-label={props.title} style={{ height: '100%' }}>
    <InfoCard title={props.title}>{props.children}</InfoCard>
  </section>
);
