// Node's own import(), for loading the built main process out of reach of vitest's module runner (which
// would transform it and resolve 'electron' itself). Loaded with Node's require, so Node compiles it.
module.exports = (url) => import(url);
