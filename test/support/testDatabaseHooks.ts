import { afterAll, afterEach, beforeEach } from 'vitest';
import { closeOpened, testStarts } from './testDatabase.ts';

// Every test file: databases opened for one test are closed (and PostgreSQL schemas dropped) after it, the
// file's own after the file. Registered before the file's hooks, so these run last.
beforeEach(testStarts);
afterEach(() => closeOpened('test'));
afterAll(() => closeOpened('file'));
