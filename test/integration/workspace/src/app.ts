// A file without findings: configuration comes from the environment.
export const config = {
  token: process.env.GITHUB_TOKEN ?? '',
  password: process.env.DB_PASSWORD,
};
