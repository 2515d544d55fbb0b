#!/usr/bin/env node
const { join } = require('node:path');
require('./loadBundle')(join(__dirname, '..', 'dist', 'cli.js')).main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
