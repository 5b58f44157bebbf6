import { createHash } from 'node:crypto';
import type { z } from 'zod/v3';
import { stringify as toYaml } from 'yaml';
import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ForwardedError,
  InputError,
  NotAllowedError,
  ResponseError,
} from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  guardMessages,
  kindDeclaration,
  RecordCore,
  recordPagePath,
} from '@backstage-itsm/plugin-itsm-common';
import { CreateActionSpec, FieldSchemas, InputOf } from './kinds';

/** What the actions need of the backend. */
export interface ItsmActionsOptions {
  auth: AuthService;
  discovery: DiscoveryService;
  /** The app's base URL (`app.baseUrl`), for the `url` output; without it `url` is the path. */
  appBaseUrl?: string;
  /** Where the app mounts the ITSM page (`itsm.pagePath`); default /itsm. */
  pagePath?: string;
}

/** An output string and what it holds. */
const described = (description: string) => (zImpl: typeof z) =>
  zImpl.string({ description });

/** Every create action outputs the same: the record and where its page is. */
const OUTPUT = {
  number: described(
    'The number of the new record, e.g. INC-000042 (INC-DRYRUN in a dry run)',
  ),
  id: described('The id of the new record (dry-run in a dry run)'),
  path: described(
    "The path of the record's page in the app, e.g. /itsm/incidents/INC-000042: use it in the template's output links",
  ),
  url: described(
    "The full URL of the record's page, e.g. https://backstage.example.com/itsm/incidents/INC-000042",
  ),
};

/** What the action needs of the record it created. */
type Created = Pick<RecordCore, 'id' | 'number'>;

/** The marker of a dry run, in place of the id and the sequence of the number. */
const DRY_RUN = 'DRYRUN';

/**
 * The action `itsm:<kind>:create` for one kind, from its spec: it posts the spec's body
 * to the ITSM backend with a token obtained on behalf of the user who runs the
 * template, so the record is theirs and the backend's permissions and rules apply to
 * them. In a dry run it checks the input, logs what it would create and writes nothing.
 */
export function createRecordAction<S extends FieldSchemas, Body extends object>(
  spec: CreateActionSpec<S, Body>,
  options: ItsmActionsOptions,
) {
  const { auth, discovery } = options;
  const { kind } = spec;
  const { apiPath, numberPrefix, labels } = kindDeclaration(kind);
  const what = labels.singular.toLocaleLowerCase('en-US');
  const id = `itsm:${kind}:create`;
  const appBaseUrl = options.appBaseUrl?.replace(/\/+$/, '') ?? '';

  /** The user who runs the template: ITSM records are raised by people. */
  const initiator = async (
    credentials: BackstageCredentials,
  ): Promise<BackstageCredentials<BackstageUserPrincipal>> => {
    if (!auth.isPrincipal(credentials, 'user'))
      throw new NotAllowedError(
        `${id} acts as the user who runs the template, but this task was not started by a signed-in user`,
      );
    return credentials;
  };

  /** `POST /{apiPath}` as the user; the backend's refusal, with its reason, as an error. */
  const post = async (
    body: Body,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<Created> => {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'itsm',
    });
    const baseUrl = await discovery.getBaseUrl('itsm');
    const response = await fetch(`${baseUrl}/${apiPath}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
      signal,
    });
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      throw new ForwardedError(
        `ITSM did not create the ${what}: POST /${apiPath} answered ${error.statusCode} ${error.statusText}`,
        error.cause,
      );
    }
    const record = (await response.json()) as RecordCore;
    return { id: record.id, number: record.number };
  };

  return createTemplateAction({
    id,
    description: spec.description,
    examples: spec.examples.map(example => ({
      description: example.description,
      example: toYaml({
        steps: [
          {
            id: `create-${kind}`,
            action: id,
            name: example.description,
            input: example.input,
          },
        ],
      }),
    })),
    supportsDryRun: true,
    schema: { input: spec.input, output: OUTPUT },
    async handler(ctx) {
      // The scaffolder has validated the input against the schema (types, enums,
      // formats); the kind's own rules come on top, in a dry run too.
      const input = ctx.input as InputOf<S>;
      const problems = spec.check?.(input) ?? [];
      if (problems.length)
        throw new InputError(
          `Invalid input for ${id}: ${guardMessages(problems).join('; ')}`,
        );
      const body = spec.body(input);
      const user = await initiator(await ctx.getInitiatorCredentials());
      const who = user.principal.userEntityRef;

      let created: Created;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would create the ${spec.summary(
            input,
          )} as ${who} (POST /${apiPath} ${JSON.stringify(
            body,
          )}); nothing was written to ITSM`,
        );
        created = { id: 'dry-run', number: `${numberPrefix}-${DRY_RUN}` };
      } else {
        ctx.logger.info(`Creating the ${spec.summary(input)} as ${who}`);
        // A task resumed after a restart does not create the record twice. The key
        // names the body: a step run for each of several items creates each once.
        created = await ctx.checkpoint({
          key: `itsm.create.${kind}.${createHash('sha256')
            .update(JSON.stringify(body))
            .digest('hex')
            .slice(0, 16)}`,
          fn: () => post(body, user, ctx.signal),
        });
      }

      const path = recordPagePath(kind, created.number, options.pagePath);
      const url = `${appBaseUrl}${path}`;
      if (!ctx.isDryRun) ctx.logger.info(`Created ${created.number}: ${url}`);
      ctx.output('number', created.number);
      ctx.output('id', created.id);
      ctx.output('path', path);
      ctx.output('url', url);
    },
  });
}
