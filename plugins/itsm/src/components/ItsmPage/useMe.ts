import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Me } from '../records';

/** The signed-in user and their groups, for the queues of the views. */
export function useMe() {
  const identityApi = useApi(identityApiRef);
  return useAsync(async (): Promise<Me> => {
    const identity = await identityApi.getBackstageIdentity();
    return {
      userEntityRef: identity.userEntityRef,
      // Assignment groups are groups; ownership refs also hold the user itself.
      groups: identity.ownershipEntityRefs.filter(ref =>
        ref.toLocaleLowerCase('en-US').startsWith('group:'),
      ),
    };
  }, [identityApi]);
}
