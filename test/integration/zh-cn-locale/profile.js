// Makes a VS Code profile's display language zh-cn offline: copies the test-only language pack of
// this folder into an extensions folder and writes the user-data languagepacks.json entry that VS
// Code's language-pack cache would write on install (code-server's --install-extension does not:
// coder/code-server#3372). VS Code then resolves --locale=zh-cn through that file.
'use strict';
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Installs the pack into `extensionsDir`, registers it in `userDataDir`; returns the locale id. */
function installZhCnPack(userDataDir, extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8'));
  const id = `${manifest.publisher}.${manifest.name}`;
  const pack = path.join(extensionsDir, `${id}-${manifest.version}`);
  fs.mkdirSync(pack, { recursive: true });
  for (const f of ['package.json', 'README.md', 'translations']) fs.cpSync(path.join(__dirname, f), path.join(pack, f), { recursive: true });
  const loc = manifest.contributes.localizations[0];
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [loc.languageId]: {
      hash: createHash('md5').update(id).update(manifest.version).digest('hex'),
      label: loc.localizedLanguageName,
      extensions: [{ extensionIdentifier: { id }, version: manifest.version }],
      translations: Object.fromEntries(loc.translations.map((t) => [t.id, path.join(pack, t.path)])),
    },
  }));
  return loc.languageId;
}

module.exports = { installZhCnPack };
