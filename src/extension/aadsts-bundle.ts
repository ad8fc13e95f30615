// The AADSTS catalogue and recogniser, loaded on the first hover or Explain (the catalogue is large).
export {
  codeAt,
  errorLink,
  entryTitle,
  lookupCode,
  parseErrorMessage,
  renderFullMarkdown,
  renderHoverMarkdown,
  searchCatalogue,
  unknownCodeText,
  md,
} from '../core/aadsts';
