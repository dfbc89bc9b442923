/** The app's pages, by address. There are few, so a list of patterns is all the router needed. */
export type Route =
  | { readonly name: 'sittings' }
  | { readonly name: 'live'; readonly sittingId: string }
  | { readonly name: 'conduct'; readonly sittingId: string }
  | { readonly name: 'public'; readonly sittingId: string }
  | { readonly name: 'hall'; readonly sittingId: string }
  | { readonly name: 'tablet'; readonly token: string }
  | { readonly name: 'prepare'; readonly sittingId: string }
  | { readonly name: 'newSitting'; readonly councilId: string }
  | { readonly name: 'setPassword'; readonly token: string }
  | { readonly name: 'platformCouncils' }
  | { readonly name: 'councilAdmin'; readonly councilId: string }
  | { readonly name: 'memberImport'; readonly councilId: string }
  | { readonly name: 'security' }
  | { readonly name: 'agendaTemplates'; readonly councilId: string }
  | { readonly name: 'myInterpellations'; readonly councilId: string }
  | { readonly name: 'councilInterpellations'; readonly councilId: string }
  | { readonly name: 'publicInterpellations'; readonly councilId: string }
  | { readonly name: 'councilConsultations'; readonly councilId: string }
  | { readonly name: 'newConsultation'; readonly councilId: string }
  | { readonly name: 'consultation'; readonly consultationId: string }
  | { readonly name: 'notFound' };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const LIVE = new RegExp(`^/sittings/(${UUID})/live/?$`);
const CONDUCT = new RegExp(`^/sittings/(${UUID})/conduct/?$`);
const PUBLIC = new RegExp(`^/public/sittings/(${UUID})/?$`);
const HALL = new RegExp(`^/hall/sittings/(${UUID})/?$`);
const PREPARE = new RegExp(`^/sittings/(${UUID})/prepare/?$`);
const NEW_SITTING = new RegExp(`^/councils/(${UUID})/sittings/new/?$`);
const PLATFORM_COUNCILS = /^\/admin\/councils\/?$/;
const COUNCIL_ADMIN = new RegExp(`^/admin/councils/(${UUID})/?$`);
const MEMBER_IMPORT = new RegExp(`^/admin/councils/(${UUID})/import/?$`);
/** A one-time sign-in code (256 bits, base64url) from the QR code the operator shows. */
const TABLET = /^\/tablet\/([A-Za-z0-9_-]{20,100})\/?$/;
/** The one-time link of an invitation e-mail (256 bits, base64url). */
const SET_PASSWORD = /^\/set-password\/([A-Za-z0-9_-]{20,100})\/?$/;
const SECURITY = /^\/account\/security\/?$/;
const AGENDA_TEMPLATES = new RegExp(`^/councils/(${UUID})/agenda-templates/?$`);
const MY_INTERPELLATIONS = new RegExp(`^/councils/(${UUID})/interpellations/mine/?$`);
const COUNCIL_INTERPELLATIONS = new RegExp(`^/councils/(${UUID})/interpellations/?$`);
const PUBLIC_INTERPELLATIONS = new RegExp(`^/public/councils/(${UUID})/interpellations/?$`);
const COUNCIL_CONSULTATIONS = new RegExp(`^/councils/(${UUID})/consultations/?$`);
const NEW_CONSULTATION = new RegExp(`^/councils/(${UUID})/consultations/new/?$`);
const CONSULTATION = new RegExp(`^/consultations/(${UUID})/?$`);

/** Pages anyone may open, signed in or not. */
export const PUBLIC_ROUTES: readonly Route['name'][] = ['public', 'hall', 'tablet', 'setPassword'];

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'sittings' };
  const live = LIVE.exec(pathname);
  if (live?.[1] !== undefined) return { name: 'live', sittingId: live[1].toLowerCase() };
  const conduct = CONDUCT.exec(pathname);
  if (conduct?.[1] !== undefined) return { name: 'conduct', sittingId: conduct[1].toLowerCase() };
  const open = PUBLIC.exec(pathname);
  if (open?.[1] !== undefined) return { name: 'public', sittingId: open[1].toLowerCase() };
  const hall = HALL.exec(pathname);
  if (hall?.[1] !== undefined) return { name: 'hall', sittingId: hall[1].toLowerCase() };
  const prepare = PREPARE.exec(pathname);
  if (prepare?.[1] !== undefined) return { name: 'prepare', sittingId: prepare[1].toLowerCase() };
  const newSitting = NEW_SITTING.exec(pathname);
  if (newSitting?.[1] !== undefined) {
    return { name: 'newSitting', councilId: newSitting[1].toLowerCase() };
  }
  const tablet = TABLET.exec(pathname);
  if (tablet?.[1] !== undefined) return { name: 'tablet', token: tablet[1] };
  const setPassword = SET_PASSWORD.exec(pathname);
  if (setPassword?.[1] !== undefined) return { name: 'setPassword', token: setPassword[1] };
  if (PLATFORM_COUNCILS.test(pathname)) return { name: 'platformCouncils' };
  const admin = COUNCIL_ADMIN.exec(pathname);
  if (admin?.[1] !== undefined) return { name: 'councilAdmin', councilId: admin[1].toLowerCase() };
  const imports = MEMBER_IMPORT.exec(pathname);
  if (imports?.[1] !== undefined) {
    return { name: 'memberImport', councilId: imports[1].toLowerCase() };
  }
  if (SECURITY.test(pathname)) return { name: 'security' };
  const templates = AGENDA_TEMPLATES.exec(pathname);
  if (templates?.[1] !== undefined) {
    return { name: 'agendaTemplates', councilId: templates[1].toLowerCase() };
  }
  const interpellations = interpellationRoute(pathname);
  if (interpellations !== null) return interpellations;
  return consultationRoute(pathname) ?? { name: 'notFound' };
}

export function livePath(sittingId: string): string {
  return `/sittings/${encodeURIComponent(sittingId)}/live`;
}

/** The operator's console and the chair's view of a sitting. */
export function conductPath(sittingId: string): string {
  return `/sittings/${encodeURIComponent(sittingId)}/conduct`;
}

/** The public live page of a sitting: no sign-in, and its address never changes. */
export function publicPath(sittingId: string): string {
  return `/public/sittings/${encodeURIComponent(sittingId)}`;
}

/** The hall display of a sitting, for the screen in the council chamber. */
export function hallPath(sittingId: string): string {
  return `/hall/sittings/${encodeURIComponent(sittingId)}`;
}

/** Where a tablet's QR code leads: the page that signs it in with the one-time code. */
export function tabletPath(token: string): string {
  return `/tablet/${encodeURIComponent(token)}`;
}

/** The office's editor of a sitting before it opens: details, agenda, convening. */
export function preparePath(sittingId: string): string {
  return `/sittings/${encodeURIComponent(sittingId)}/prepare`;
}

/** The form that creates a sitting of one of the council's bodies. */
export function newSittingPath(councilId: string): string {
  return `/councils/${encodeURIComponent(councilId)}/sittings/new`;
}

/** Where an invitation e-mail's link leads: the page that sets the password with its token. */
export function setPasswordPath(token: string): string {
  return `/set-password/${encodeURIComponent(token)}`;
}

/** The platform administrator's list of councils. */
export const PLATFORM_COUNCILS_PATH = '/admin/councils';

/** A council's administration: bodies, terms, people and seats. */
export function councilAdminPath(councilId: string): string {
  return `/admin/councils/${encodeURIComponent(councilId)}`;
}

/** A council's member import from a CSV file. */
export function memberImportPath(councilId: string): string {
  return `${councilAdminPath(councilId)}/import`;
}

/** The signed-in user's account security: the second factor and its recovery codes. */
export function securityPath(): string {
  return '/account/security';
}

function interpellationRoute(pathname: string): Route | null {
  const mine = MY_INTERPELLATIONS.exec(pathname);
  if (mine?.[1] !== undefined)
    return { name: 'myInterpellations', councilId: mine[1].toLowerCase() };
  const office = COUNCIL_INTERPELLATIONS.exec(pathname);
  if (office?.[1] !== undefined) {
    return { name: 'councilInterpellations', councilId: office[1].toLowerCase() };
  }
  const open = PUBLIC_INTERPELLATIONS.exec(pathname);
  if (open?.[1] !== undefined) {
    return { name: 'publicInterpellations', councilId: open[1].toLowerCase() };
  }
  return null;
}

/** A councillor's own interpellations and questions, with the form to file one. */
export function myInterpellationsPath(councilId: string): string {
  return `/councils/${encodeURIComponent(councilId)}/interpellations/mine`;
}

/** The office's list of a council's interpellations, where answers are recorded. */
export function councilInterpellationsPath(councilId: string): string {
  return `/councils/${encodeURIComponent(councilId)}/interpellations`;
}

/** A council's published interpellations and answers: no sign-in. */
export function publicInterpellationsPath(councilId: string): string {
  return `/public/councils/${encodeURIComponent(councilId)}/interpellations`;
}

/** The office's agenda templates of a council: the agendas new sittings start from. */
export function agendaTemplatesPath(councilId: string): string {
  return `/councils/${encodeURIComponent(councilId)}/agenda-templates`;
}

function consultationRoute(pathname: string): Route | null {
  const list = COUNCIL_CONSULTATIONS.exec(pathname);
  if (list?.[1] !== undefined) {
    return { name: 'councilConsultations', councilId: list[1].toLowerCase() };
  }
  const fresh = NEW_CONSULTATION.exec(pathname);
  if (fresh?.[1] !== undefined)
    return { name: 'newConsultation', councilId: fresh[1].toLowerCase() };
  const one = CONSULTATION.exec(pathname);
  if (one?.[1] !== undefined) return { name: 'consultation', consultationId: one[1].toLowerCase() };
  return null;
}

/** The office's list of a council's consultations. */
export function councilConsultationsPath(councilId: string): string {
  return `/councils/${encodeURIComponent(councilId)}/consultations`;
}

/** The office's form that creates a consultation of a council. */
export function newConsultationPath(councilId: string): string {
  return `${councilConsultationsPath(councilId)}/new`;
}

/** The office's editor of one consultation: details, survey, documents, responses, results. */
export function consultationPath(consultationId: string): string {
  return `/consultations/${encodeURIComponent(consultationId)}`;
}
