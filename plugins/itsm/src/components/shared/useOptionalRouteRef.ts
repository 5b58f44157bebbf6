import {
  AnyParams,
  RouteFunc,
  RouteRef,
  SubRouteRef,
  useRouteRef,
} from '@backstage/core-plugin-api';

/**
 * A link to another page of the plugin that the app may not have mounted (a legacy app
 * without the service catalog page): the route function, or undefined instead of an
 * error, so that callers leave the link out.
 */
export function useOptionalRouteRef<Params extends AnyParams>(
  routeRef: RouteRef<Params> | SubRouteRef<Params>,
): RouteFunc<Params> | undefined {
  try {
    // Called on every render in the same order; only the lookup may throw.
    return useRouteRef(routeRef);
  } catch {
    return undefined;
  }
}
