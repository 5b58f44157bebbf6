import { Change, ChangeListFilter } from '@backstage-itsm/plugin-itsm-common';
import { ItsmApi } from '../../api';
import { changeRouteRef } from '../../routes';
import { declaredKind, kindReads, moveLabels } from './descriptor';

describe('moveLabels', () => {
  type S = 'new' | 'in_progress' | 'on_hold' | 'resolved';
  const label = moveLabels<S>({
    in_progress: { resolved: 'Reopen', otherwise: 'Start work' },
    on_hold: 'Put on hold',
  });

  it('reads a label by the target state, and by the state moved from', () => {
    expect(label('on_hold', 'new')).toBe('Put on hold');
    expect(label('in_progress', 'resolved')).toBe('Reopen');
    expect(label('in_progress', 'on_hold')).toBe('Start work');
  });

  it('says "Move to" for a state without a label', () => {
    expect(label('resolved', 'new')).toBe('Move to resolved');
  });
});

describe('declaredKind', () => {
  it('adds the plural and the record route', () => {
    expect(declaredKind('change')).toMatchObject({
      kind: 'change',
      label: 'Change',
      plural: 'changes',
      routeRef: changeRouteRef,
    });
  });
});

describe('kindReads', () => {
  it('calls the named methods on the API given', async () => {
    const api = {
      listChanges: jest.fn(async () => ({ items: [] })),
      getChange: jest.fn(async (id: string) => ({ id })),
      getChangeTimeline: jest.fn(async () => []),
    } as unknown as ItsmApi;
    const reads = kindReads<Change, ChangeListFilter>(
      'listChanges',
      'getChange',
      'getChangeTimeline',
    );
    await reads.list(api, { q: 'db' });
    await reads.get(api, 'CHG-000045');
    await reads.timeline(api, 'CHG-000045');
    expect(api.listChanges).toHaveBeenCalledWith({ q: 'db' });
    expect(api.getChange).toHaveBeenCalledWith('CHG-000045');
    expect(api.getChangeTimeline).toHaveBeenCalledWith('CHG-000045');
  });
});
