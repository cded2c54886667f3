// Node's compile cache for the command line's bundle (code only, never data), in a folder of the
// user's own: Node's default is a folder in the system's temporary folder, which on Linux every
// user shares, so another user could leave compiled code there for this one to run.
const { homedir } = require('node:os');
const { isAbsolute, join } = require('node:path');

/** The user's own cache folder for it, or null when there is none to name. */
function compileCacheFolder() {
  const own = (base) => join(base, 'pathway-workshop', 'compile-cache');
  if (process.platform === 'win32') {
    const local = process.env.LOCALAPPDATA;
    return local && isAbsolute(local) ? own(local) : null;
  }
  const home = homedir();
  if (!home) return null;
  if (process.platform === 'darwin') return own(join(home, 'Library', 'Caches'));
  const xdg = process.env.XDG_CACHE_HOME;
  return own(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'));
}

/** Turns the cache on for this thread (Node 22.1 and later), in the user's own folder. */
function enableCompileCache() {
  const { enableCompileCache: enable } = require('node:module');
  const folder = compileCacheFolder();
  if (folder && enable) enable(folder);
}

module.exports = { compileCacheFolder, enableCompileCache };
