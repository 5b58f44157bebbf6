import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { SlaCompliance, SlaSummary } from '@backstage-itsm/plugin-itsm-common';
import { formatCompliance } from './format';

/**
 * A key figure: the value large, what it is below, a detail under that. A group named
 * by its label, so that "Compliance, 30 days" can be found and read as one.
 */
export const Figure = (props: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
}) => (
  <Box role="group" aria-label={props.label} minWidth="8em">
    <Typography variant="h4" component="p">
      {props.value}
    </Typography>
    <Typography variant="body2" color="textSecondary">
      {props.label}
    </Typography>
    {props.detail && (
      <Typography variant="caption" color="textSecondary" component="p">
        {props.detail}
      </Typography>
    )}
  </Box>
);

/** Compliance as a percentage with its met and breached counts; `—` when none. */
export const ComplianceFigure = (props: {
  label: string;
  compliance: SlaCompliance;
}) => {
  const { met, breached, compliance } = props.compliance;
  return (
    <Figure
      label={props.label}
      value={formatCompliance(compliance)}
      detail={
        compliance === null
          ? 'nothing measured'
          : `${met} met · ${breached} breached`
      }
    />
  );
};

/** Key figures side by side, wrapping on narrow cards. */
export const FigureRow = (props: { children: ReactNode }) => (
  <Box display="flex" flexWrap="wrap" gridGap={32} mb={2}>
    {props.children}
  </Box>
);

/** Compliance over 30 and 90 days and the open breaches of a summary, as figures. */
export const SummaryFigures = (props: { summary: SlaSummary }) => (
  <>
    <ComplianceFigure
      label="Compliance, 30 days"
      compliance={props.summary.compliance30}
    />
    <ComplianceFigure
      label="Compliance, 90 days"
      compliance={props.summary.compliance90}
    />
    <Figure label="Open breaches" value={props.summary.openBreachCount} />
  </>
);
