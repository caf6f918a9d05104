// Jest setupFilesAfterEnv of the e2e, embedded and security tiers: every response
// received through supertest is checked against openapi.json (PARLEY_CONTRACT).
import { contractMode, installContractCheck } from './supertest-contract.js';

contractMode(); // a misspelt mode stops the run before any test
installContractCheck();
