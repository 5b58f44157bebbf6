import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import scaffolderModuleItsm from '..';

/** A request the fake ITSM backend received, with the user it authenticated. */
export interface ReceivedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The user the request's token stands for, as the ITSM backend reads it. */
  user: string;
  body: unknown;
}

/** How the fake ITSM backend answers a create: a record, or an error it throws. */
export type Answer = (request: ReceivedRequest) => Promise<object> | object;

export const APP_BASE_URL = 'http://portal.example.com';

/**
 * A test backend with this module and a stand-in for the ITSM backend (plugin `itsm`,
 * on the same server: found through discovery, authenticating users as the real one
 * does). Returns the actions the module registered and what the ITSM side received.
 */
export async function startItsmTestBackend(
  features: Parameters<typeof startTestBackend>[0]['features'] = [],
) {
  const actions: TemplateAction<any, any, any>[] = [];
  const received: ReceivedRequest[] = [];
  const state: { answer: Answer } = {
    answer: request => ({ id: 'rec-1', number: `X-${request.path}` }),
  };

  const fakeItsm = createBackendPlugin({
    pluginId: 'itsm',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          httpRouter.use(async (req, res, next) => {
            try {
              const credentials = await httpAuth.credentials(req, {
                allow: ['user'],
              });
              let text = '';
              for await (const chunk of req) text += chunk;
              const request: ReceivedRequest = {
                method: req.method,
                path: req.path,
                authorization: req.headers.authorization,
                user: credentials.principal.userEntityRef,
                body: text ? JSON.parse(text) : undefined,
              };
              received.push(request);
              res.status(201).json(await state.answer(request));
            } catch (error) {
              next(error);
            }
          });
        },
      });
    },
  });

  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        { addActions: (...added: any[]) => actions.push(...added) },
      ],
    ],
    features: [
      scaffolderModuleItsm,
      fakeItsm,
      mockServices.rootConfig.factory({
        data: { app: { baseUrl: `${APP_BASE_URL}/` } },
      }),
      ...(features ?? []),
    ],
  });

  const action = (id: string) => {
    const found = actions.find(a => a.id === id);
    if (!found) throw new Error(`${id} is not registered`);
    return found;
  };
  return {
    backend,
    actions,
    action,
    received,
    /** Sets how the ITSM side answers the next creates. */
    answer(answer: Answer) {
      state.answer = answer;
    },
  };
}
