import { ComponentType, useCallback, useMemo, useState } from 'react';
import {
  Content,
  coreComponentsTranslationRef,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { DEMO_PROVIDER_ID, DEMO_USER_HEADER, DEMO_USERS } from './demoUsers';
import {
  forgetChoiceOnSignOut,
  readSignInChoice,
  SignInChoice,
  storeSignInChoice,
} from './signInChoice';

type Failure = { choice: SignInChoice; error?: Error };

/** The backend's reason when there is one (a ResponseError carries it as its cause). */
function ErrorText({ error }: { error?: Error }) {
  const reason = (error?.cause as Error | undefined)?.message ?? error?.message;
  return (
    <Typography variant="body2" color="error" role="alert">
      Sign-in failed{reason ? `: ${reason}` : ''}
    </Typography>
  );
}

function GuestCard(props: {
  onChoose(choice: SignInChoice): void;
  error?: Error;
}) {
  const { t } = useTranslationRef(coreComponentsTranslationRef);
  return (
    <InfoCard
      title={t('signIn.guestProvider.title')}
      variant="fullHeight"
      actions={
        <Button
          color="primary"
          variant="outlined"
          onClick={() => props.onChoose({ provider: 'guest' })}
        >
          {t('signIn.guestProvider.enter')}
        </Button>
      }
    >
      <Typography variant="body1" style={{ whiteSpace: 'pre-line' }}>
        {t('signIn.guestProvider.subtitle')}
      </Typography>
      {props.error && <ErrorText error={props.error} />}
    </InfoCard>
  );
}

function DemoUsersCard(props: {
  onChoose(choice: SignInChoice): void;
  initialUser?: string;
  error?: Error;
}) {
  const [userName, setUserName] = useState(
    DEMO_USERS.find(u => u.name === props.initialUser)?.name ??
      DEMO_USERS[0].name,
  );
  const user = DEMO_USERS.find(u => u.name === userName) ?? DEMO_USERS[0];
  return (
    <InfoCard
      title="Demo users"
      subheader="Development only"
      variant="fullHeight"
      actions={
        <Button
          color="primary"
          variant="outlined"
          onClick={() => props.onChoose({ provider: 'demo', user: user.name })}
        >
          Sign in as {user.displayName}
        </Button>
      }
    >
      <Typography variant="body1" paragraph>
        Sign in as a user of the demo catalog, a member of its teams: to request
        a change as one user and approve it as another.
      </Typography>
      <TextField
        id="itsm-demo-user"
        select
        label="Demo user"
        value={user.name}
        onChange={event => setUserName(event.target.value)}
        SelectProps={{ native: true }}
        variant="outlined"
        margin="dense"
        fullWidth
      >
        {DEMO_USERS.map(u => (
          <option key={u.name} value={u.name}>
            {u.displayName} ({u.name}), {u.teams}
          </option>
        ))}
      </TextField>
      {props.error && <ErrorText error={props.error} />}
    </InfoCard>
  );
}

/** The guest card and the demo users card, with the error of a failed sign-in. */
function SignInChooser(props: {
  onChoose(choice: SignInChoice): void;
  failure?: Failure;
}) {
  const configApi = useApi(configApiRef);
  const { failure, onChoose } = props;
  const failedChoice = failure?.choice;
  return (
    <Page themeId="home">
      <Header title={configApi.getString('app.title')} />
      <Content>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={6} md={4}>
            <GuestCard
              onChoose={onChoose}
              error={
                failedChoice?.provider === 'guest' ? failure?.error : undefined
              }
            />
          </Grid>
          <Grid item xs={12} sm={6} md={4}>
            <DemoUsersCard
              onChoose={onChoose}
              initialUser={
                failedChoice?.provider === 'demo'
                  ? failedChoice.user
                  : undefined
              }
              error={
                failedChoice?.provider === 'demo' ? failure?.error : undefined
              }
            />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}

/**
 * The sign-in page: the guest, or (development only) any demo user through the
 * backend's `demo` proxy provider. The choice is remembered in localStorage, so that
 * a reload signs in the same way without asking, and forgotten on sign-out.
 */
export function DemoUsersSignInPage({ onSignInSuccess }: SignInPageProps) {
  // One attempt per click (the key remounts ProxiedSignInPage, which signs in on mount).
  const [attempt, setAttempt] = useState(() => {
    const choice = readSignInChoice();
    return choice && { choice, key: 0 };
  });

  const choose = useCallback((choice: SignInChoice) => {
    storeSignInChoice(choice);
    setAttempt(previous => ({ choice, key: (previous?.key ?? 0) + 1 }));
  }, []);

  // A failed sign-in shows the choice again, with the error on the card that was used.
  const ErrorComponent = useMemo<ComponentType<{ error?: Error }> | undefined>(
    () =>
      attempt &&
      (({ error }) => (
        <SignInChooser
          onChoose={choose}
          failure={{ choice: attempt.choice, error }}
        />
      )),
    [attempt, choose],
  );

  if (!attempt) {
    return <SignInChooser onChoose={choose} />;
  }
  const { choice } = attempt;
  return (
    <ProxiedSignInPage
      key={attempt.key}
      provider={choice.provider === 'demo' ? DEMO_PROVIDER_ID : 'guest'}
      headers={
        choice.provider === 'demo'
          ? { [DEMO_USER_HEADER]: choice.user }
          : undefined
      }
      onSignInSuccess={identity =>
        onSignInSuccess(forgetChoiceOnSignOut(identity))
      }
      ErrorComponent={ErrorComponent}
    />
  );
}
