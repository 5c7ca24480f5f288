// How dependency-cruiser resolves imports (.dependency-cruiser.cjs): WXT's '@/' alias for the
// project root, which the plugin that reads tsconfig paths does not follow without a baseUrl.
module.exports = {
  resolve: {
    alias: { '@': require('node:path').resolve(__dirname, '..') },
    extensions: ['.ts', '.tsx', '.mjs', '.js'],
  },
};
