import jwt from 'jsonwebtoken';

const ACCESS_TTL = '15m';
const REFRESH_TTL = '30d';

export function signAccess(user) {
  return jwt.sign({ sub: user.id, role: user.role }, 'chat-signing-secret-2023!', { expiresIn: ACCESS_TTL });
  //                                                   ^ secret
}

export function signRefresh(user) {
  return jwt.sign({ sub: user.id, typ: 'refresh' }, process.env.REFRESH_SECRET, { expiresIn: REFRESH_TTL });
}

export function verify(token) {
  return jwt.verify(token, 'chat-signing-secret-2023!');
  //                        ^ secret
}
