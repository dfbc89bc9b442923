/** The app's pages, by address. There are few, so a list of patterns is all the router needed. */
export type Route =
  | { readonly name: 'sittings' }
  | { readonly name: 'live'; readonly sittingId: string }
  | { readonly name: 'conduct'; readonly sittingId: string }
  | { readonly name: 'notFound' };

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const LIVE = new RegExp(`^/sittings/(${UUID})/live/?$`);
const CONDUCT = new RegExp(`^/sittings/(${UUID})/conduct/?$`);

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'sittings' };
  const live = LIVE.exec(pathname);
  if (live?.[1] !== undefined) return { name: 'live', sittingId: live[1].toLowerCase() };
  const conduct = CONDUCT.exec(pathname);
  if (conduct?.[1] !== undefined) return { name: 'conduct', sittingId: conduct[1].toLowerCase() };
  return { name: 'notFound' };
}

export function livePath(sittingId: string): string {
  return `/sittings/${encodeURIComponent(sittingId)}/live`;
}

/** The operator's console and the chair's view of a sitting. */
export function conductPath(sittingId: string): string {
  return `/sittings/${encodeURIComponent(sittingId)}/conduct`;
}
