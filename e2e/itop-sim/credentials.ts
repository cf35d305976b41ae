/**
 * Demo credentials of the simulator's recorded dataset. The recordings mask the real passwords and
 * tokens, so these are the simulator's own; tests import them instead of repeating literals.
 * Tokens look like authent-token's (base64 with "+", "/" and "="), to exercise URL encoding.
 */
export const SIM_USERS = {
  /** Support Agent + REST Services User, Person 40 "Carla Tiago" (recordings' `cti`, User id 2). */
  cti: { login: 'cti', password: 'cti-password' },
  /** Administrator + REST Services User, Person 41 "Adam Minski". */
  ctiadmin: { login: 'ctiadmin', password: 'ctiadmin-password' },
  /** Support Agent without REST Services User (recording 14). */
  norest: { login: 'norest', password: 'norest-password' },
  /** iTop's installation admin: Administrator only, so REST refuses it too. */
  admin: { login: 'admin', password: 'admin-password' },
  /** A portal user (Portal user + REST Services User): "Portal user is not allowed". */
  portal: { login: 'portal', password: 'portal-password' },
} as const;

export const SIM_TOKENS = {
  /** Personal token of `cti` (scope REST/JSON), recordings 13 and 13b. */
  ctiPersonal: 'c2ltLWN0aS1wZXJzb25hbC10b2tlbg+Ab/Cd=EfGh+IjKl/MnOp=QrStUvWxYz0123456789+aBcDeFgHiJkLmNoPqRsTuVwXyZ/0aQ==',
  /** Application token of the UserToken `cti-app` (Support Agent + REST Services User, no contact), recording 13c. */
  ctiApp: 'c2ltLWN0aS1hcHAtdG9rZW4+Zz/Yy=Xx+Ww/Vv=Uu9876543210+TtSsRrQqPpOoNnMmLlKkJjIiHhGgFfEeDdCcBbAa/Zz0+9y==',
  /** Personal token of `cti` whose expiration date has passed. */
  ctiExpired: 'c2ltLWN0aS1leHBpcmVkLXRva2Vu+Ex/Pi=Red+Tok/En=0000000000+expiredexpiredexpiredexpired/Ex==',
  /** Personal token of `cti` with the Synchro scope only (no REST/JSON). */
  ctiWrongScope: 'c2ltLWN0aS1zeW5jaHJvLXRva2Vu+Sy/Nc=Hro+Onl/Y0=1111111111+synchroonlysynchroonlysynchro/Sy==',
} as const;
