import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user, as far as what they may do depends on it. */
export interface Actor {
  userEntityRef: string;
  /** Lower-case ownership refs (the user and their groups). */
  ownershipEntityRefs: string[];
}

/** The signed-in user; undefined until the identity is known. */
export function useActor(): Actor | undefined {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(async (): Promise<Actor> => {
    const identity = await identityApi.getBackstageIdentity();
    return {
      userEntityRef: identity.userEntityRef,
      ownershipEntityRefs: identity.ownershipEntityRefs.map(ref =>
        ref.toLocaleLowerCase('en-US'),
      ),
    };
  }, [identityApi]);
  return value;
}
