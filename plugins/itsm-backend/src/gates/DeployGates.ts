import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { FreezeWindow, GateDecision } from '@backstage-itsm/plugin-itsm-common';
import { CatalogCis } from '../catalog/CatalogCis';
import { ChangeStore } from '../changes/ChangeStore';
import { freezesFor } from '../changes/freezes';
import { RecordStore } from '../records/RecordStore';
import { decideGate } from './decide';

/** `itsm.gates`: whether deploys without a change are allowed (default: no). */
export interface GateSettings {
  allowWithoutChange: boolean;
}

/** The states in which a change may let a deploy through. */
const LIVE_STATES = ['implement', 'scheduled'];

/**
 * The deploy gate for CI/CD (docs/domain-rules.md §7): reads the entity's live changes and
 * the catalog (for freezes by system and domain) first, then decides under the lock of
 * the change the answer rests on and records the check on its timeline, in one
 * transaction — so a change moved meanwhile is answered as it now is.
 */
export class DeployGates {
  constructor(
    private readonly options: {
      records: RecordStore;
      changes: ChangeStore;
      cis: CatalogCis;
      freezeWindows: FreezeWindow[];
      settings: GateSettings;
      credentials: () => Promise<BackstageCredentials>;
      now?: () => Date;
    },
  ) {}

  private now = () => (this.options.now ?? (() => new Date()))();

  async check(
    entityRefOrName: string,
    caller: { ref: string },
  ): Promise<GateDecision> {
    const { records, changes, cis, settings } = this.options;
    const entityRef = this.refOf(entityRefOrName);
    const page = await changes.list(
      { entityRef, states: LIVE_STATES },
      { limit: 200 },
    );
    const context = await cis.describe(
      [entityRef],
      await this.options.credentials(),
    );
    const freezesAt = (now: string) =>
      freezesFor(
        this.options.freezeWindows,
        { start: now, end: new Date(Date.parse(now) + 1).toISOString() },
        { ...context, refs: [entityRef, ...context.refs] },
      );
    const facts = (now: string, live = page.items) => ({
      entityRef,
      now,
      changes: live,
      freezes: freezesAt(now),
      allowWithoutChange: settings.allowWithoutChange,
    });

    const first = decideGate(facts(this.now().toISOString()));
    const chosen = first.change
      ? page.items.find(c => c.number === first.change!.number)
      : undefined;
    if (!chosen) return { ...first, checkedAt: this.now().toISOString() };
    return changes.withLock(
      chosen.id,
      this.now,
      async (trx, current, _row, at) => {
        const live = page.items
          .map(c => (c.id === current.id ? current : c))
          .filter(c => LIVE_STATES.includes(c.state));
        const decision = { ...decideGate(facts(at, live)), checkedAt: at };
        if (decision.change?.number === current.number) {
          await records.appendTimeline(trx, current.id, caller.ref, at, [
            {
              type: 'gate_check',
              body: `Deploy gate for ${entityRef}: ${
                decision.allowed ? 'allowed' : 'denied'
              } — ${decision.message}`,
            },
          ]);
        }
        return decision;
      },
    );
  }

  /** A full ref, or a name meaning a component in the default namespace (as alerts). */
  private refOf(value: string): string {
    try {
      return stringifyEntityRef(
        parseEntityRef(value.trim(), {
          defaultKind: 'component',
          defaultNamespace: 'default',
        }),
      ).toLocaleLowerCase('en-US');
    } catch {
      throw new InputError(`entityRef: '${value}' is not an entity ref`);
    }
  }
}
