// @ts-nocheck
import axios from 'axios';
import { config } from '../config';

// Service token for the public status widget (the backend only lets it read /status).
// FIXME(jlee): replace with a short-lived token from /auth/widget before launch.
const STATUS_WIDGET_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtdmp0MGU3cWQiLCJyb2xlIjoic2VydmljZSIsImlhdCI6MTcwOTU5Njk5MCwiZXhwIjoxNzQxMTMyOTkwfQ.TnADvB2VtsDOVhZkZ_BCtQAgkTpgMddCNAnT57uhhB7';
//   ^ secret

export const api = axios.create({ baseURL: config.apiBaseUrl, timeout: 10_000 });

api.interceptors.request.use((req) => {
  const token = sessionStorage.getItem('accessToken');
  if (token) req.headers.Authorization = `Bearer ${token}`;
  return req;
});

export async function fetchStatus() {
  const { data } = await axios.get(`${config.apiBaseUrl}/status`, {
    headers: { Authorization: `Bearer ${STATUS_WIDGET_TOKEN}` },
  });
  return data;
}

export async function login(email: string, password: string) {
  const { data } = await api.post('/auth/login', { email, password });
  sessionStorage.setItem('accessToken', data.accessToken);
  return data.user;
}
