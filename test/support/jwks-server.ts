import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local OIDC provider's key endpoint: serves a JWKS and signs ID tokens with its key. */
export interface TestIdp {
  issuer: string;
  jwksUrl: string;
  sign(claims: JWTPayload, options?: { expiresIn?: string; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startJwksServer(issuer = 'https://idp.example.test'): Promise<TestIdp> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const server = http.createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issuer,
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    sign: (claims, options = {}) => sign(privateKey, issuer, claims, options),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sign(
  key: CryptoKey,
  issuer: string,
  claims: JWTPayload,
  options: { expiresIn?: string; kid?: string },
): Promise<string> {
  // Claims given by the test win, so that it can forge a wrong issuer or expiry.
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key-1' })
    .setIssuer(claims.iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? options.expiresIn ?? '5m')
    .sign(key);
}
