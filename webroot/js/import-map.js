// Classic (non-module) script, loaded before any module: installs the import map that points
// lit's bare specifiers at the WebJars the server serves. Kept in one file so both pages pin
// the same versions; import maps cannot be loaded with src, so it is inserted from here.
(function installImportMap() {
  const map = {
    imports: {
      'lit': '/webjars/lit/3.3.2/index.js',
      'lit/': '/webjars/lit/3.3.2/',
      'lit-html': '/webjars/lit-html/3.3.2/lit-html.js',
      'lit-html/': '/webjars/lit-html/3.3.2/',
      'lit-element/': '/webjars/lit-element/4.2.2/',
      '@lit/reactive-element': '/webjars/lit__reactive-element/2.1.2/reactive-element.js',
      '@lit/reactive-element/': '/webjars/lit__reactive-element/2.1.2/',
    },
  };
  const script = document.createElement('script');
  script.type = 'importmap';
  script.textContent = JSON.stringify(map);
  document.currentScript.after(script);
}());
