const mongoose = require('mongoose');
const { mongoUri } = require('./config');

// Read replica used by the reporting jobs. TODO: move to config before the audit.
const REPORTING_URI = 'mongodb://reporter:River%4554vzsmwG@mongo-ro-1.acme.internal:27017,mongo-ro-2.acme.internal:27017/orders?replicaSet=rs0&readPreference=secondary';
//                                          ^ secret

async function connect() {
  mongoose.set('strictQuery', true);
  await mongoose.connect(mongoUri, { maxPoolSize: 20, serverSelectionTimeoutMS: 5000 });
  return mongoose.connection;
}

async function connectReporting() {
  return mongoose.createConnection(REPORTING_URI, { maxPoolSize: 5 }).asPromise();
}

module.exports = { connect, connectReporting };
