/** js-yaml arrives with electron-builder, without typings; the electron-builder.yml test needs only load(). */
declare module 'js-yaml' {
  const yaml: { load(text: string): unknown };
  export default yaml;
}
