import type { DatabaseKey } from '../db/cipher';
import {
  KeyError,
  WrongPassphraseError,
  deriveKekSync,
  keyFileFor,
  readKeyFile,
  unwrapWithKek,
} from '../db/keys';
import { shown } from './files';
import { readSecret, SECRET_FD_ENV, secretFdProblem } from './secret-input';

/** What was wrong with PATHWAY_KEY_FD, when it was set and gave nothing, as the refusal's end. */
function fdSaid(env: NodeJS.ProcessEnv): string {
  const problem = secretFdProblem(SECRET_FD_ENV, env[SECRET_FD_ENV]);
  return problem ? ` (${problem})` : '';
}

/**
 * The key of an encrypted database, for the command line (which has no access to the app's
 * system secret store: only the app, through Electron, can open a key sealed there):
 *
 * - the key file beside the database is wrapped by a passphrase: the passphrase is asked for;
 * - otherwise (sealed by the app's secret store, or no key file): the database key itself, 64
 *   hexadecimal characters, is asked for.
 *
 * Asked on the terminal with echo off, or read from PATHWAY_KEY_FD; never taken as an argument.
 * Returns the key, or the reason (told plainly) why none could be had.
 */
export function cliDatabaseKey(
  dbFile: string,
  env: NodeJS.ProcessEnv = process.env,
): { key: DatabaseKey } | { refused: string } {
  const keyFile = keyFileFor(dbFile);
  const how = `type it when asked on a terminal, or give it on the file descriptor in ${SECRET_FD_ENV} (it is never taken as an argument)`;
  let stored;
  try {
    stored = readKeyFile(keyFile);
  } catch (error) {
    if (error instanceof KeyError) {
      return {
        refused: `the key file ${shown(keyFile)} cannot be read: it is no key file of the app`,
      };
    }
    throw error;
  }
  if (stored?.wrap === 'passphrase') {
    const passphrase = readSecret('Passphrase of the database: ', env);
    if (passphrase === null) {
      return {
        refused: `${shown(dbFile)} is encrypted and unlocked with a passphrase: ${how}${fdSaid(env)}`,
      };
    }
    try {
      return { key: unwrapWithKek(stored, deriveKekSync(passphrase, stored.kdf)) };
    } catch (error) {
      if (error instanceof WrongPassphraseError) {
        return { refused: 'the passphrase does not open the database key (nothing was read)' };
      }
      throw error;
    }
  }
  const kept = stored
    ? "its key is kept by the app's system secret store, which only the app can open"
    : `its key file ${shown(keyFile)} is not there`;
  const hex = readSecret('Database key (64 hexadecimal characters): ', env);
  if (hex === null) {
    return {
      refused: `${shown(dbFile)} is encrypted and ${kept}: give the database key (64 hexadecimal characters); ${how}${fdSaid(env)}`,
    };
  }
  const trimmed = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    return { refused: 'a database key is 64 hexadecimal characters (nothing was read)' };
  }
  return { key: Buffer.from(trimmed, 'hex') };
}
