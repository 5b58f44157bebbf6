import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { ProblemKpis } from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef } from '../../api';
import { formatAgeMs, NamedCard } from '../shared';
import { Figure, FigureRow } from '../sla';

/** A share (0..1) as a whole percentage; `—` when nothing was counted. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

const KpiFigures = (props: { kpis: ProblemKpis }) => {
  const { kpis } = props;
  return (
    <FigureRow>
      <Figure label="Open problems" value={kpis.openProblems} />
      <Figure
        label="Known errors"
        value={kpis.knownErrors}
        detail="open, published with a workaround"
      />
      <Figure
        label="Incidents linked"
        value={formatShare(kpis.linkedIncidentShare)}
        detail={`of ${kpis.incidents} incidents in the last ${kpis.days} days`}
      />
      <Figure
        label="Median open age"
        value={
          kpis.medianOpenAgeMs === null
            ? '—'
            : formatAgeMs(kpis.medianOpenAgeMs)
        }
        detail="of the open problems"
      />
    </FigureRow>
  );
};

/**
 * "Problem KPIs" of a CI (with `entityRef`) or of the organisation: open problems, known
 * errors, the share of recent incidents linked to a problem and the median age of the
 * open problems, each a figure (a group named by its label).
 */
export const ProblemKpisCard = (props: {
  entityRef?: string;
  /** Change it to reload. */
  reloadKey?: number;
}) => {
  const { entityRef, reloadKey = 0 } = props;
  const itsmApi = useApi(itsmApiRef);
  const { value, loading, error } = useAsync(
    () => itsmApi.getProblemKpis(entityRef),
    [itsmApi, entityRef, reloadKey],
  );
  let body;
  if (loading && !value) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) body = <KpiFigures kpis={value} />;
  return <NamedCard title="Problem KPIs">{body}</NamedCard>;
};
