import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import { SlaExplanationEntry } from '@backstage-itsm/plugin-itsm-common';
import { formatDateTime, STATE_LABELS } from '../shared';

const EVENT_LABELS: Record<SlaExplanationEntry['event'], string> = {
  started: 'Started',
  paused: 'Paused',
  resumed: 'Resumed',
  stopped: 'Stopped',
};

/** "Paused: On hold", "Started: New"; the event alone when no state caused it. */
export function describeExplanationEntry(entry: SlaExplanationEntry): string {
  const event = EVENT_LABELS[entry.event] ?? entry.event;
  if (!entry.state) return event;
  return `${event}: ${STATE_LABELS[entry.state] ?? entry.state}`;
}

/**
 * "Why?": the timeline events that started, paused, resumed and stopped a timer, with
 * their times, folded away until asked for. `name` tells apart the buttons of a page
 * with several timers ("Why? Resolution").
 */
export const SlaExplanation = (props: {
  name: string;
  entries: SlaExplanationEntry[];
}) => {
  const { name, entries } = props;
  const [open, setOpen] = useState(false);
  if (entries.length === 0) return null;
  const id = `sla-why-${name.replace(/\W+/g, '-').toLocaleLowerCase('en-US')}`;
  return (
    <Box mt={-1} mb={1}>
      <Button
        size="small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Why? ${name}`}
        onClick={() => setOpen(o => !o)}
      >
        Why?
      </Button>
      <Collapse in={open} unmountOnExit>
        <Box component="ol" id={id} aria-label={`Why: ${name}`} m={0} pl={3}>
          {entries.map(entry => (
            <li key={`${entry.at}-${entry.event}-${entry.seq ?? ''}`}>
              <Typography variant="body2" component="span">
                {describeExplanationEntry(entry)}
              </Typography>{' '}
              <Typography
                variant="caption"
                color="textSecondary"
                component="span"
              >
                {formatDateTime(entry.at)}
                {entry.seq !== undefined && ` · timeline entry ${entry.seq}`}
              </Typography>
            </li>
          ))}
        </Box>
      </Collapse>
    </Box>
  );
};
