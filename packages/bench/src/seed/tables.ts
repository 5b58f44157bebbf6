/**
 * The plugin's tables the seeder fills, with the columns it writes, in the order of
 * the values the generator yields (see migrations in plugins/itsm-backend/migrations).
 */
export const TABLES = {
  itsm_records: [
    'id',
    'kind',
    'number',
    'title',
    'description',
    'state',
    'entity_ref',
    'requester',
    'assignee',
    'assignment_group',
    'priority',
    'is_open',
    'created_at',
    'updated_at',
    'version',
    'timeline_seq',
    'ci_tier',
  ],
  itsm_incidents: [
    'record_id',
    'impact',
    'urgency',
    'hold_reason',
    'resolution_code',
    'resolution_notes',
    'acknowledged_at',
    'resolved_at',
    'closed_at',
    'caused_by_change_id',
  ],
  itsm_changes: [
    'record_id',
    'type',
    'risk',
    'planned_start',
    'planned_end',
    'implementation_plan',
    'backout_plan',
    'test_plan',
    'actual_start',
    'actual_end',
    'close_code',
    'close_notes',
    'approval_round',
  ],
  itsm_requests: [
    'record_id',
    'offering_ref',
    'offering_title',
    'parameters',
    'fulfillment_target',
    'due_at',
    'fulfilled_at',
    'resolution_note',
    'approval_round',
  ],
  itsm_approval_steps: [
    'id',
    'record_id',
    'round',
    'stage',
    'stage_name',
    'reason',
    'state',
    'decided_by',
    'decided_at',
    'comment',
    'created_at',
  ],
  itsm_approval_step_groups: ['step_id', 'group_ref', 'state'],
  itsm_record_cis: ['record_id', 'entity_ref', 'role'],
  itsm_timeline: [
    'id',
    'record_id',
    'seq',
    'type',
    'actor',
    'at',
    'body',
    'data',
  ],
  itsm_sla_timers: [
    'record_id',
    'metric',
    'cycle',
    'policy_name',
    'status',
    'target_ms',
    'elapsed_ms',
    'started_at',
    'stopped_at',
    'due_at',
    'breached_at',
    'next_warning_at',
    'warned_threshold',
    'breach_recorded_at',
    'evaluated_at',
  ],
} as const;

export type TableName = keyof typeof TABLES;
export type Value = string | number | boolean | null;
export type Row = Value[];

/** The rows of one generated record, per table. */
export type RecordRows = Partial<Record<TableName, Row[]>>;

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
