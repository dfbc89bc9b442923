import type { CurrentUser } from '@veche/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/api-error';
import { errorMessageCode, type ErrorMessageCode } from '../api/error-message';
import { vecheApi } from '../api/veche-api';
import { isLanguage, type Language } from '../i18n/language';
import { readStoredLanguage, storeLanguage } from '../i18n/language-storage';
import { PageLayout } from '../layout/page-layout.component';
import { useDocumentTitle } from '../layout/use-document-title.hook';
import { closeSharedLiveConnection } from '../live/shared-connection';
import { LiveSittingPage } from '../live/live-sitting.page';
import { ConductPage } from '../conduct/conduct.page';
import { AccountSecurityPage } from '../account/account-security.page';
import { LoginPage } from '../login/login.page';
import { TabletSignInPage } from '../login/tablet-sign-in.page';
import { SetPasswordPage } from '../login/set-password.page';
import { HallDisplayPage } from '../public/hall-display.page';
import { PublicLivePage } from '../public/public-live.page';
import { NewSittingPage } from '../preparation/new-sitting.page';
import { AgendaTemplatesPage } from '../preparation/agenda-templates.page';
import { SittingPreparationPage } from '../preparation/sitting-preparation.page';
import { NotFoundPage } from '../routing/not-found.page';
import { livePath, type Route } from '../routing/routes';
import { navigate, useRoute } from '../routing/use-route.hook';
import { SittingsPage } from '../sittings/sittings.page';
import { CouncilAdminPage } from '../admin/council-admin.page';
import { MemberImportPage } from '../admin/member-import.page';
import { PlatformCouncilsPage } from '../admin/platform-councils.page';
import { MyInterpellationsPage } from '../interpellations/my-interpellations.page';
import { OfficeInterpellationsPage } from '../interpellations/office-interpellations.page';
import { PublicInterpellationsPage } from '../interpellations/public-interpellations.page';
import { OfficeConsultationsPage } from '../consultations/office-consultations.page';
import { ConsultationEditorPage } from '../consultations/consultation-editor.page';

type Session =
  | { state: 'checking' }
  | { state: 'signed-out'; reason: 'signedOut' | ErrorMessageCode | null }
  | { state: 'signed-in'; user: CurrentUser };

/** A message about the app as a whole, kept as a code so that it follows the language. */
type Notice = 'languageNotSaved' | ErrorMessageCode | null;

export function App() {
  const { t, i18n } = useTranslation();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const [notice, setNotice] = useState<Notice>(null);
  const [signingOut, setSigningOut] = useState(false);
  // Pages take the focus to their heading when the user moved between them, not on first load.
  const [movedBySession, setMoved] = useState(false);
  const { route, moved: navigated } = useRoute();
  const moved = movedBySession || navigated;

  /** The signed-in user's language applies unless this device holds an explicit choice. */
  const adoptUserLanguage = useCallback(
    (user: CurrentUser) => {
      if (!isLanguage(readStoredLanguage())) void i18n.changeLanguage(user.language);
    },
    [i18n],
  );

  // Bumped by every sign-in: the answer to the first "who am I?" must not undo one made meanwhile
  // (a tablet's code is redeemed while that question is still on its way).
  const signIns = useRef(0);

  useEffect(() => {
    let current = true;
    const asked = signIns.current;
    vecheApi.me().then(
      (user) => {
        if (!current || signIns.current !== asked) return;
        adoptUserLanguage(user);
        setSession({ state: 'signed-in', user });
      },
      (error: unknown) => {
        if (!current || signIns.current !== asked) return;
        const code = errorMessageCode(error);
        setSession({ state: 'signed-out', reason: code === 'unauthenticated' ? null : code });
      },
    );
    return () => {
      current = false;
    };
  }, [adoptUserLanguage]);

  const signedInUser = session.state === 'signed-in' ? session.user : null;

  const chooseLanguage = (language: Language): void => {
    storeLanguage(language);
    void i18n.changeLanguage(language);
    setNotice(null);
    if (!signedInUser || signedInUser.language === language) return;
    vecheApi.savePreferences({ language }).then(
      (user) => setSession({ state: 'signed-in', user }),
      (error: unknown) => {
        if (error instanceof ApiRequestError && error.code === 'unauthenticated') {
          setSession({ state: 'signed-out', reason: 'unauthenticated' });
        } else {
          setNotice('languageNotSaved');
        }
      },
    );
  };

  const signIn = (user: CurrentUser): void => {
    signIns.current += 1;
    // A live socket carries the cookie it opened with: the new user gets a socket of their own.
    closeSharedLiveConnection();
    adoptUserLanguage(user);
    setNotice(null);
    setMoved(true);
    setSession({ state: 'signed-in', user });
  };

  const signOut = async (): Promise<void> => {
    setSigningOut(true);
    setNotice(null);
    try {
      await vecheApi.logout();
      closeSharedLiveConnection();
      setMoved(true);
      setSession({ state: 'signed-out', reason: 'signedOut' });
    } catch (error) {
      const code = errorMessageCode(error);
      if (code === 'unauthenticated') {
        setMoved(true);
        setSession({ state: 'signed-out', reason: null });
      } else {
        setNotice(code);
      }
    } finally {
      setSigningOut(false);
    }
  };

  // The second factor was turned on or off: the user's flags (the home page's notice) follow.
  const userChanged = useCallback(() => {
    vecheApi.me().then(
      (user) =>
        setSession((now) => (now.state === 'signed-in' ? { state: 'signed-in', user } : now)),
      () => {},
    );
  }, []);

  const sessionEnded = useCallback(() => {
    closeSharedLiveConnection();
    setMoved(true);
    setSession({ state: 'signed-out', reason: 'unauthenticated' });
  }, []);

  const noticeText =
    notice === null
      ? null
      : notice === 'languageNotSaved'
        ? t('language.saveFailed')
        : t(`errors.${notice}`);

  // The hall display is the whole screen: no frame, and no sign-in, like the public page.
  if (route.name === 'hall') {
    return <HallDisplayPage key={route.sittingId} sittingId={route.sittingId} />;
  }
  const publicRoute = route.name === 'public' ? route : null;
  // A tablet's QR code signs it in whoever was signed in before, then opens the sitting.
  const tabletRoute = route.name === 'tablet' ? route : null;
  // An invitation's link sets the password and signs in, then opens the home page.
  const setPasswordRoute = route.name === 'setPassword' ? route : null;
  // A council's published interpellations: no sign-in, like the public live page.
  const publicInterpellations = route.name === 'publicInterpellations' ? route : null;
  const ownPage =
    publicRoute !== null ||
    tabletRoute !== null ||
    setPasswordRoute !== null ||
    publicInterpellations !== null;

  return (
    <PageLayout
      user={signedInUser}
      signingOut={signingOut}
      onChooseLanguage={chooseLanguage}
      onSignOut={() => void signOut()}
      notice={noticeText}
      currentPage={route.name}
    >
      {publicRoute !== null && (
        <PublicLivePage
          key={publicRoute.sittingId}
          sittingId={publicRoute.sittingId}
          focusHeading={moved}
        />
      )}
      {publicInterpellations !== null && (
        <PublicInterpellationsPage
          key={publicInterpellations.councilId}
          councilId={publicInterpellations.councilId}
          focusHeading={moved}
        />
      )}
      {tabletRoute !== null && (
        <TabletSignInPage
          key={tabletRoute.token}
          token={tabletRoute.token}
          onSignedIn={(login) => {
            signIn(login.user);
            navigate(livePath(login.sittingId), { replace: true });
          }}
        />
      )}
      {setPasswordRoute !== null && (
        <SetPasswordPage
          key={setPasswordRoute.token}
          token={setPasswordRoute.token}
          onSignedIn={(user) => {
            signIn(user);
            navigate('/', { replace: true });
          }}
        />
      )}
      {!ownPage && session.state === 'checking' && <Checking />}
      {!ownPage && session.state === 'signed-out' && (
        <LoginPage
          onSignedIn={signIn}
          focusHeading={moved}
          arrivalMessage={
            session.reason === null
              ? null
              : session.reason === 'signedOut'
                ? t('login.signedOut')
                : t(`errors.${session.reason}`)
          }
        />
      )}
      {!ownPage && session.state === 'signed-in' && (
        <SignedInPage
          route={route}
          user={session.user}
          focusHeading={moved}
          onSessionEnded={sessionEnded}
          onUserChanged={userChanged}
        />
      )}
    </PageLayout>
  );
}

interface SignedInPageProps {
  route: Route;
  user: CurrentUser;
  focusHeading: boolean;
  onSessionEnded: () => void;
  onUserChanged: () => void;
}

/** The page the address names, for a signed-in user. */
function SignedInPage({
  route,
  user,
  focusHeading,
  onSessionEnded,
  onUserChanged,
}: SignedInPageProps) {
  switch (route.name) {
    case 'sittings':
      return (
        <SittingsPage user={user} focusHeading={focusHeading} onSessionEnded={onSessionEnded} />
      );
    case 'live':
      return (
        <LiveSittingPage
          // A new sitting is a new page: nothing of the previous one's state carries over.
          key={route.sittingId}
          sittingId={route.sittingId}
          user={user}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'conduct':
      return (
        <ConductPage
          key={route.sittingId}
          sittingId={route.sittingId}
          user={user}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'prepare':
      return (
        <SittingPreparationPage
          key={route.sittingId}
          sittingId={route.sittingId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'platformCouncils':
      return <PlatformCouncilsPage focusHeading={focusHeading} onSessionEnded={onSessionEnded} />;
    case 'councilAdmin':
      return (
        <CouncilAdminPage
          key={route.councilId}
          councilId={route.councilId}
          user={user}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'newSitting':
      return (
        <NewSittingPage
          key={route.councilId}
          councilId={route.councilId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'memberImport':
      return (
        <MemberImportPage
          key={route.councilId}
          councilId={route.councilId}
          focusHeading={focusHeading}
        />
      );
    case 'security':
      return (
        <AccountSecurityPage
          user={user}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
          onChanged={onUserChanged}
        />
      );
    case 'myInterpellations':
      return (
        <MyInterpellationsPage
          key={route.councilId}
          councilId={route.councilId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'councilInterpellations':
      return (
        <OfficeInterpellationsPage
          key={route.councilId}
          councilId={route.councilId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'agendaTemplates':
      return (
        <AgendaTemplatesPage
          key={route.councilId}
          councilId={route.councilId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'councilConsultations':
      return (
        <OfficeConsultationsPage
          key={route.councilId}
          councilId={route.councilId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'newConsultation':
      return (
        <ConsultationEditorPage
          key={`new-${route.councilId}`}
          mode="new"
          councilId={route.councilId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'consultation':
      return (
        <ConsultationEditorPage
          key={route.consultationId}
          mode="edit"
          consultationId={route.consultationId}
          focusHeading={focusHeading}
          onSessionEnded={onSessionEnded}
        />
      );
    case 'publicInterpellations':
    case 'public':
    case 'hall':
    case 'tablet':
    case 'setPassword':
    case 'notFound':
      // The public pages and the tablet's sign-in are rendered by App; they never reach here.
      return <NotFoundPage />;
  }
}

function Checking() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.loading'));
  return <p className="muted">{t('app.loading')}</p>;
}
