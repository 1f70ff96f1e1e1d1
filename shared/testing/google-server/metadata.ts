/**
 * A fake of the Compute metadata server, the way a function on Cloud Run gets its credentials: Application
 * Default Credentials find no key file, see the metadata server (google-auth-library's `Compute` client,
 * through gcp-metadata, which honours GCE_METADATA_HOST and METADATA_SERVER_DETECTION) and ask it for the
 * service account's access token. Every answer carries `Metadata-Flavor: Google`, which gcp-metadata checks.
 * @module
 */

export const FAKE_PROJECT = 'malkoll-test';
export const FAKE_SERVICE_ACCOUNT = `malkoll@${FAKE_PROJECT}.iam.gserviceaccount.com`;
export const FAKE_ACCESS_TOKEN = 'fake-metadata-token';

const FLAVOR = { 'Metadata-Flavor': 'Google' };

/** The answer for a metadata path (`/computeMetadata/v1/…`), and how many tokens were handed out. */
export function createMetadata(): { answer(request: Request): Response; tokensIssued(): number } {
  let tokens = 0;
  const text = (body: string) => new Response(body, { status: 200, headers: { ...FLAVOR, 'content-type': 'application/text' } });
  return {
    tokensIssued: () => tokens,
    answer(request) {
      const url = new URL(request.url);
      if (request.headers.get('metadata-flavor') !== 'Google') {
        return new Response('Missing Metadata-Flavor:Google header.', { status: 403, headers: FLAVOR });
      }
      const path = url.pathname.replace(/^\/computeMetadata\/v1\/?/, '');
      switch (path) {
        case '':
        case 'instance':
        case 'instance/':
          return text('attributes/\nservice-accounts/\n');
        case 'instance/service-accounts/default/token':
          tokens++;
          return new Response(JSON.stringify({ access_token: FAKE_ACCESS_TOKEN, expires_in: 3599, token_type: 'Bearer' }), {
            status: 200,
            headers: { ...FLAVOR, 'content-type': 'application/json' },
          });
        case 'instance/service-accounts/default/email':
          return text(FAKE_SERVICE_ACCOUNT);
        case 'project/project-id':
          return text(FAKE_PROJECT);
        case 'universe/universe-domain':
          return text('googleapis.com');
        default:
          return new Response('Not Found', { status: 404, headers: FLAVOR });
      }
    },
  };
}
