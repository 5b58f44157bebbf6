import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  INCIDENT_STATE_LABELS,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import { IncidentEvent } from '../incidents/IncidentService';

const SEVERITY_OF: Record<Priority, NotificationSeverity> = {
  P1: 'critical',
  P2: 'high',
  P3: 'normal',
  P4: 'normal',
  P5: 'low',
};

/**
 * Tells the people concerned through Backstage notifications. A failed notification
 * is logged, never turned into a failed request: the record change has happened.
 */
export function createIncidentNotifier(options: {
  notifications: NotificationService;
  logger: LoggerService;
}) {
  const { notifications, logger } = options;

  const send = async (
    recipient: string | null,
    actor: string,
    title: string,
    event: IncidentEvent,
  ) => {
    if (!recipient) return;
    const { incident } = event;
    try {
      await notifications.send({
        recipients: {
          type: 'entity',
          entityRef: recipient,
          excludeEntityRef: actor,
        },
        payload: {
          title,
          description: incident.title,
          link: `/itsm/incidents/${incident.number}`,
          severity: SEVERITY_OF[incident.priority],
          topic: incident.number,
          scope: `itsm:${incident.number}:${event.type}`,
        },
      });
    } catch (error) {
      logger.warn(
        `Could not notify ${recipient} about ${incident.number}: ${error}`,
      );
    }
  };

  return async (event: IncidentEvent) => {
    const { incident, actor } = event;
    switch (event.type) {
      case 'created':
        await send(
          incident.assignmentGroup,
          actor,
          `New ${incident.priority} incident ${incident.number}`,
          event,
        );
        break;
      case 'assigned':
        await send(
          incident.assignee,
          actor,
          `${incident.number} is assigned to you`,
          event,
        );
        break;
      case 'state_changed':
        await send(
          incident.requester,
          actor,
          `${incident.number} is now ${INCIDENT_STATE_LABELS[
            incident.state
          ].toLocaleLowerCase('en-US')}`,
          event,
        );
        break;
      case 'requester_replied':
        await send(
          incident.assignee ?? incident.assignmentGroup,
          actor,
          `The caller replied on ${incident.number}`,
          event,
        );
        break;
      default:
    }
  };
}
