import { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef, SignalApi } from '@backstage/plugin-signals-react';
import { useRecordChanged } from './useRecordChanged';

/** A signals API the test speaks through, as the backend would. */
function fakeSignals() {
  const listeners = new Map<string, Array<(message: any) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      listeners.set(channel, [...(listeners.get(channel) ?? []), onMessage]);
      return {
        unsubscribe: () =>
          listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter(l => l !== onMessage),
          ),
      };
    },
  };
  const send = (channel: string, message: object) =>
    act(() => (listeners.get(channel) ?? []).forEach(l => l({ ...message })));
  return { api, send };
}

describe('useRecordChanged', () => {
  const render = (id: string | undefined, api?: SignalApi) => {
    const onChange = jest.fn();
    const wrapper = ({ children }: { children: ReactNode }) =>
      api ? (
        <TestApiProvider apis={[[signalApiRef, api]]}>{children}</TestApiProvider>
      ) : (
        <TestApiProvider apis={[]}>{children}</TestApiProvider>
      );
    renderHook(() => useRecordChanged('incident', id, onChange), { wrapper });
    return onChange;
  };

  it('hears of the record it shows, on the itsm:record channel', () => {
    const signals = fakeSignals();
    const onChange = render('id-1', signals.api);
    signals.send('itsm:record', { kind: 'incident', id: 'id-2' });
    signals.send('itsm:record', { kind: 'change', id: 'id-1' });
    signals.send('other', { kind: 'incident', id: 'id-1' });
    expect(onChange).not.toHaveBeenCalled();
    signals.send('itsm:record', { kind: 'incident', id: 'id-1' });
    signals.send('itsm:record', { kind: 'incident', id: 'id-1' });
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('hears of every record of its kind without an id (a list)', () => {
    const signals = fakeSignals();
    const onChange = render(undefined, signals.api);
    signals.send('itsm:record', { kind: 'incident', id: 'id-7' });
    signals.send('itsm:record', { kind: 'problem', id: 'id-8' });
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('does nothing in an app without the signals plugin', () => {
    expect(render('id-1')).not.toHaveBeenCalled();
  });
});
