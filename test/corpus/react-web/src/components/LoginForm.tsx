// @ts-nocheck
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../api/client';

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await login(email, password);
      setPassword('');
      onSuccess();
    } catch {
      setError(t('errors.wrongPassword'));
    }
  }

  return (
    <form onSubmit={submit} aria-label={t('login.title')}>
      <label htmlFor="email">{t('login.email')}</label>
      <input id="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor="password">{t('login.password')}</label>
      <input
        id="password"
        type="password"
        autoComplete="current-password"
        placeholder="••••••••"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t('login.submit')}</button>
    </form>
  );
}
