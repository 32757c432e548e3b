// electron-builder configuration: `npm run package` makes installers in release/.
// Fuses are flipped here, in the binary itself, so a packaged app cannot be turned into a
// general Node runtime or have code injected through environment variables or --inspect.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.gov.xuncha.workbench',
  productName: '巡察工作台',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/electron/**', 'dist/renderer/**', 'package.json'],
  asar: true,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },
  win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'build/icon.png' },
  mac: { target: ['dmg'], category: 'public.app-category.productivity', icon: 'build/icon.png' },
};
