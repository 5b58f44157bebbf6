import { Change } from '@backstage-itsm/plugin-itsm-common';
import { CreateRecordButton } from '../records';
import { changeDescriptor } from './descriptor';

/**
 * The "Request change" button with its dialog, for the entity tab and the ITSM page;
 * only for those who may raise changes.
 */
export const RequestChangeButton = (props: {
  /** The CI when requesting from an entity page; asked for otherwise. */
  entityRef?: string;
  onCreated: (change: Change) => void;
  variant?: 'contained' | 'text';
}) => <CreateRecordButton kind={changeDescriptor} {...props} />;
