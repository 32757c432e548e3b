// A fresh in-memory IndexedDB for the repository tests (real IndexedDB runs in the e2e tests).
import 'fake-indexeddb/auto';
