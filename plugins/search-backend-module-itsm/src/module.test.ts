import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import searchModuleItsm from '.';

jest.setTimeout(60_000);

// The module on its own: what it registers with the search plugin. Collating from the
// real ITSM backend and searching are tested with the ITSM backend (its src/search).
describe('the ITSM search collators', () => {
  const start = async () => {
    const factories: Array<{ factory: DocumentCollatorFactory }> = [];
    await startTestBackend({
      extensionPoints: [
        [
          searchIndexRegistryExtensionPoint,
          {
            addCollator: (collator: any) => factories.push(collator),
            addDecorator: () => {},
          },
        ],
      ],
      features: [
        searchModuleItsm,
        mockServices.rootConfig.factory({
          data: { search: { collators: { itsm: { batchSize: 2 } } } },
        }),
      ],
    });
    return factories.map(c => c.factory);
  };

  it('registers one collator per kind, each with its read permission', async () => {
    const factories = await start();
    expect(factories.map(f => [f.type, f.visibilityPermission?.name])).toEqual([
      ['itsm-incident', 'itsm.incident.read'],
      ['itsm-change', 'itsm.change.read'],
      ['itsm-request', 'itsm.request.read'],
      ['itsm-problem', 'itsm.problem.read'],
    ]);
  });
});
